// Hono middleware that compares the whole Authorization header with a `Bearer ${secret}` template by === (CWE-208; MCP security considerations: follow OAuth best practices).
import { Hono } from 'hono';
import { streamMcp } from './mcp-handler.js';

type Bindings = { API_TOKEN: string };
const app = new Hono<{ Bindings: Bindings }>();

app.use('/mcp', async (c, next) => {
  // held-out: secret-compare-not-constant-time
  const ok = c.req.header('authorization') === `Bearer ${c.env.API_TOKEN}`;
  if (!ok) return c.json({ error: 'unauthorized' }, 401);
  await next();
});

app.all('/mcp', (c) => streamMcp(c.req.raw));

export default app;
