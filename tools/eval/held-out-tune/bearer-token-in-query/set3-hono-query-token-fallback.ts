// Hono MCP endpoint whose auth middleware accepts ?token= when the header is missing — MCP authorization: "Access tokens MUST NOT be included in the URI query string"
import { Hono } from 'hono';
import type { Context, Next } from 'hono';
import { verify } from 'hono/jwt';

type Env = { Variables: { userId: string } };

const app = new Hono<Env>();
const secret = process.env.JWT_SECRET!;

const bearer = async (c: Context<Env>, next: Next) => {
  const authHeader = c.req.header('Authorization');
  let raw = authHeader?.replace(/^Bearer\s+/i, '');
  if (!raw) {
    // EventSource and some desktop clients cannot set headers
    // held-out: bearer-token-in-query
    raw = c.req.query('token');
  }
  if (!raw) return c.json({ error: 'unauthorized' }, 401);
  try {
    const claims = await verify(raw, secret, 'HS256');
    c.set('userId', String(claims.sub));
  } catch {
    return c.json({ error: 'invalid_token' }, 401);
  }
  await next();
};

app.use('/mcp/*', bearer);
app.post('/mcp', async (c) => {
  const body = await c.req.json();
  return c.json({ jsonrpc: '2.0', id: body.id, result: { owner: c.get('userId') } });
});

export default app;
