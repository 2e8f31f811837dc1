// Hono on Cloudflare Workers: bearer middleware strips "Bearer " and compares the rest with the secret binding by === (CWE-208)
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPTransport } from '@hono/mcp';

type Bindings = { API_SECRET: string; KV: KVNamespace };

const auth = createMiddleware<{ Bindings: Bindings }>(async (c, next) => {
  const header = c.req.header('Authorization') ?? '';
  const token = header.replace(/^Bearer\s+/i, '');
  // held-out: secret-compare-not-constant-time
  const ok = token.length > 0 && token === c.env.API_SECRET;
  if (!ok) return c.json({ error: 'unauthorized' }, 401);
  await next();
});

const app = new Hono<{ Bindings: Bindings }>();

app.use('/mcp', auth);
app.all('/mcp', async (c) => {
  const server = new McpServer({ name: 'kv-notes', version: '0.2.0' });
  server.tool('list_keys', 'List stored note keys', async () => {
    const { keys } = await c.env.KV.list({ limit: 100 });
    return { content: [{ type: 'text', text: keys.map((k) => k.name).join('\n') }] };
  });
  const transport = new StreamableHTTPTransport();
  await server.connect(transport);
  return transport.handleRequest(c);
});

export default app;
