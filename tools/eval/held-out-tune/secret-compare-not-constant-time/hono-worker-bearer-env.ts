// Hono on Cloudflare Workers guarding /mcp with a shared bearer secret compared by !==; CWE-208 (Cloudflare documents crypto.subtle.timingSafeEqual for this).
import { Hono } from 'hono';
import { handleMcp } from './mcp-handler';

type Bindings = { MCP_AUTH_TOKEN: string };
const app = new Hono<{ Bindings: Bindings }>();

app.use('/mcp/*', async (c, next) => {
  const authHeader = c.req.header('Authorization') ?? '';
  // held-out: secret-compare-not-constant-time
  if (authHeader !== `Bearer ${c.env.MCP_AUTH_TOKEN}`) {
    return c.json({ error: 'unauthorized' }, 401, { 'WWW-Authenticate': 'Bearer' });
  }
  await next();
});

app.all('/mcp/*', (c) => handleMcp(c.req.raw, c.env));

export default app;
