// token-audience-not-validated: a Hono middleware verifies the JWT signature, expiry and scope but not the audience — AUTH "MCP servers MUST validate that access tokens were issued specifically for them as the intended audience."
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';

const keys = createRemoteJWKSet(new URL('https://auth.example.dev/oauth/jwks'));

const bearer = createMiddleware<{ Variables: { claims: JWTPayload } }>(async (c, next) => {
  const header = c.req.header('Authorization');
  const jwt = header?.match(/^Bearer (.+)$/)?.[1];
  if (!jwt) throw new HTTPException(401, { message: 'missing bearer token' });
  // held-out: token-audience-not-validated
  const { payload } = await jwtVerify(jwt, keys, { issuer: 'https://auth.example.dev', requiredClaims: ['exp', 'scope'] }).catch(() => {
    throw new HTTPException(401, { message: 'invalid token' });
  });
  if (!String(payload.scope).split(' ').includes('mcp')) throw new HTTPException(403, { message: 'insufficient_scope' });
  c.set('claims', payload);
  await next();
});

const app = new Hono();
app.use('/mcp/*', bearer);
app.post('/mcp', (c) => c.json({ jsonrpc: '2.0', id: null, error: { code: -32601, message: 'not implemented' } }));

export default app;
