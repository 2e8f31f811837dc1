// Hono bearer middleware for an MCP endpoint calling jwtVerify with no claim options at all — AUTH: audience validation (RFC 8707 §2) is required.
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';

const JWKS = createRemoteJWKSet(new URL('https://auth.example.dev/oauth/jwks'));

const bearer = createMiddleware<{ Variables: { claims: JWTPayload } }>(async (c, next) => {
  const authorization = c.req.header('authorization');
  if (!authorization?.toLowerCase().startsWith('bearer ')) {
    return c.text('Unauthorized', 401, { 'WWW-Authenticate': 'Bearer resource_metadata="https://mcp.example.dev/.well-known/oauth-protected-resource"' });
  }
  try {
    // held-out: token-audience-not-validated
    const { payload } = await jwtVerify(authorization.slice(7), JWKS);
    c.set('claims', payload);
  } catch {
    return c.text('Unauthorized', 401);
  }
  await next();
});

const app = new Hono();
app.use('/mcp', bearer);
app.post('/mcp', (c) => c.json({ jsonrpc: '2.0', id: null, result: { claims: c.get('claims').sub } }));
export default app;
