// Hono reverse proxy in front of an upstream REST API, exposed as MCP tools; it forwards the incoming request's headers wholesale, Authorization included — MCP 2026-07-28 security considerations, token passthrough.
import { Hono } from 'hono';

const app = new Hono<{ Bindings: { UPSTREAM_ORIGIN: string } }>();

app.post('/mcp/tools/:tool', async (c) => {
  if (!c.req.header('authorization')) return c.text('unauthorized', 401);

  const tool = c.req.param('tool');
  const args = await c.req.json<Record<string, string>>();
  const upstreamUrl = new URL(`/v1/${tool}`, c.env.UPSTREAM_ORIGIN);
  for (const [key, value] of Object.entries(args)) upstreamUrl.searchParams.set(key, value);

  const upstream = await fetch(upstreamUrl, {
    method: 'GET',
    // held-out: token-passthrough
    headers: c.req.raw.headers,
  });

  return c.json({ content: [{ type: 'text', text: await upstream.text() }], isError: !upstream.ok });
});

export default app;
