// Hono MCP server accepting an access token from the query string — AUTH: "Access tokens MUST NOT be included in the URI query string".
import { Hono } from 'hono';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const jwks = createRemoteJWKSet(new URL('https://auth.example.io/.well-known/jwks.json'));
const app = new Hono();

app.use('/mcp/*', async (c, next) => {
  // held-out: bearer-token-in-query
  const accessToken = c.req.query('access_token') ?? c.req.header('Authorization')?.replace('Bearer ', '');
  if (!accessToken) return c.json({ error: 'invalid_request' }, 401);
  await jwtVerify(accessToken, jwks, { issuer: 'https://auth.example.io', audience: 'https://mcp.example.io/mcp' });
  await next();
});

app.post('/mcp/rpc', async (c) => c.json({ jsonrpc: '2.0', id: 1, result: {} }));
export default app;
