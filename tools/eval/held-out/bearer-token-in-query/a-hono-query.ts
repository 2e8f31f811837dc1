// bearer-token-in-query: a Hono middleware accepts the bearer token from c.req.query('access_token') — AUTH "Access tokens MUST NOT be included in the URI query string"; RFC 9700 §4.3.2
import { Hono } from 'hono';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const jwks = createRemoteJWKSet(new URL('https://auth.example.com/jwks'));
const app = new Hono();

app.use('/mcp', async (c, next) => {
  // held-out: bearer-token-in-query
  const presented = c.req.header('authorization')?.replace(/^Bearer /i, '') || c.req.query('access_token');
  if (!presented) return c.text('unauthorized', 401);
  try {
    await jwtVerify(presented, jwks, { issuer: 'https://auth.example.com', audience: 'https://mcp.example.com/mcp' });
  } catch {
    return c.text('invalid token', 401);
  }
  await next();
});

app.post('/mcp', (c) => c.json({ ok: true }));
export default app;
