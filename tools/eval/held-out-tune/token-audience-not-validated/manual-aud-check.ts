// held-out: clean — jwtVerify has no audience option, but the aud claim is compared with the resource right after.
// Hono middleware that validates the audience by hand (string or array aud) — AUTH audience MUST.
import type { MiddlewareHandler } from 'hono';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const RESOURCE_ID = 'https://mcp.example.dev/mcp';
const keys = createRemoteJWKSet(new URL('https://auth.example.dev/.well-known/jwks.json'));

export const requireToken: MiddlewareHandler = async (c, next) => {
  const token = c.req.header('Authorization')?.replace(/^Bearer /i, '');
  if (!token) return c.text('Unauthorized', 401);
  const { payload } = await jwtVerify(token, keys, { issuer: 'https://auth.example.dev' });
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audiences.includes(RESOURCE_ID)) return c.text('token not issued for this server', 401);
  c.set('sub', payload.sub);
  await next();
};
