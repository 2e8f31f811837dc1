// Hono gateway in front of an internal MCP backend that forwards the caller's Authorization header unchanged — SEC token passthrough: "MUST NOT pass through the token it received from the MCP client".
import { Hono } from 'hono';

type Bindings = { BACKEND_URL: string };

const app = new Hono<{ Bindings: Bindings }>();

app.post('/mcp', async (c) => {
  const auth = c.req.header('Authorization');
  if (!auth?.startsWith('Bearer ')) return c.json({ error: 'unauthorized' }, 401);

  const upstream = await fetch(`${c.env.BACKEND_URL}/mcp`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      // held-out: token-passthrough
      authorization: auth,
    },
    body: await c.req.text(),
  });
  return new Response(upstream.body, { status: upstream.status, headers: upstream.headers });
});

export default app;
