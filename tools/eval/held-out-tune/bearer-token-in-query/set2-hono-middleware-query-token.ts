// Hono auth middleware that reads the access token from ?access_token= on the MCP route (MCP authorization: "Access tokens MUST NOT be included in the URI query string"; clients MUST use the Authorization request header).
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { jwtVerify, createRemoteJWKSet } from 'jose';
import { handleMcp } from './mcp.js';

type Env = { Variables: { userId: string } };

const jwks = createRemoteJWKSet(new URL('https://auth.example.com/.well-known/jwks.json'));

const auth = createMiddleware<Env>(async (c, next) => {
  // held-out: bearer-token-in-query
  const token = c.req.query('access_token');
  if (!token) return c.json({ error: 'unauthorized' }, 401);
  try {
    const { payload } = await jwtVerify(token, jwks, { audience: 'https://mcp.example.com' });
    c.set('userId', String(payload.sub));
  } catch {
    return c.json({ error: 'invalid_token' }, 401);
  }
  await next();
});

const app = new Hono<Env>();
app.use('/mcp/*', auth);
app.all('/mcp', auth, (c) => handleMcp(c.req.raw, c.get('userId')));

export default app;
