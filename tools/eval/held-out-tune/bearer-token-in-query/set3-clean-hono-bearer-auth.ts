// held-out: clean — the token is taken only from the Authorization header by hono's bearerAuth; the query parameters read are paging and filtering options
// Hono MCP server with a bearerAuth verifyToken hook and a REST helper route reading c.req.query('limit')
import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { verifyWithIssuer } from './oidc';

const app = new Hono();

app.use(
  '/mcp/*',
  bearerAuth({
    verifyToken: async (token, c) => {
      const claims = await verifyWithIssuer(token).catch(() => null);
      if (!claims) return false;
      c.set('claims' as never, claims as never);
      return true;
    },
  }),
);

app.get('/mcp/resources', async (c) => {
  const limit = Number(c.req.query('limit') ?? '20');
  const cursor = c.req.query('cursor');
  const items = Array.from({ length: Math.min(limit, 100) }, (_, i) => ({ uri: `memo://${cursor ?? 0}-${i}` }));
  return c.json({ items, nextCursor: items.length ? `${items.length}` : null });
});

app.post('/mcp', async (c) => {
  const rpc = await c.req.json();
  return c.json({ jsonrpc: '2.0', id: rpc.id, result: {} });
});

export default app;
