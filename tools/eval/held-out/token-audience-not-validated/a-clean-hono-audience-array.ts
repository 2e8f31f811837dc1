// held-out: clean — the Hono middleware's jwtVerify lists this server's URIs as the accepted audience
// Cloudflare Worker MCP endpoint; tokens minted for other resources fail jwtVerify (AUTH: token audience validation).
import { Hono } from 'hono';
import { createRemoteJWKSet, jwtVerify } from 'jose';

type Env = { Bindings: { ISSUER: string; PUBLIC_URL: string } };
const app = new Hono<Env>();
let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

app.use('/mcp', async (c, next) => {
  jwks ??= createRemoteJWKSet(new URL('/.well-known/jwks.json', c.env.ISSUER));
  const raw = c.req.header('Authorization')?.replace(/^Bearer /, '');
  if (!raw) return c.body(null, 401, { 'WWW-Authenticate': `Bearer resource_metadata="${c.env.PUBLIC_URL}/.well-known/oauth-protected-resource"` });
  try {
    const { payload } = await jwtVerify(raw, jwks, {
      issuer: c.env.ISSUER,
      audience: [`${c.env.PUBLIC_URL}/mcp`, c.env.PUBLIC_URL],
    });
    c.set('jwtPayload' as never, payload as never);
  } catch {
    return c.body(null, 401, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
  }
  await next();
});

app.post('/mcp', (c) => c.json({ jsonrpc: '2.0', id: null, result: {} }));
export default app;
