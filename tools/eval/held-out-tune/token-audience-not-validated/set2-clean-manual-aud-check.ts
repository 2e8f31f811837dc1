// held-out: clean — no audience option, but aud is compared with the server's resource right after the signature check (array or string)
// Hono middleware of an MCP server verifying Logto access tokens (MCP 2026-07-28 authorization, token handling).
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const ENDPOINT = 'https://tenant.logto.app';
const RESOURCE_INDICATOR = 'https://todo-mcp.example.com';
const jwks = createRemoteJWKSet(new URL(`${ENDPOINT}/oidc/jwks`));

export const requireAccessToken = createMiddleware<{ Variables: { sub: string } }>(async (c, next) => {
  const token = c.req.header('authorization')?.replace(/^Bearer /, '');
  if (!token) throw new HTTPException(401, { message: 'missing token' });
  const { payload } = await jwtVerify(token, jwks, { issuer: `${ENDPOINT}/oidc` });
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audiences.includes(RESOURCE_INDICATOR)) {
    throw new HTTPException(401, { message: 'token was issued for another resource' });
  }
  c.set('sub', String(payload.sub));
  await next();
});
