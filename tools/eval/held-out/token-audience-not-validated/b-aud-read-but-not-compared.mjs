// ESM verifier that reads the `aud` claim after jwtVerify only to record it, never comparing it with this server's URL — spec (security considerations): MCP servers "MUST reject tokens that do not include them in the audience claim".
import { createRemoteJWKSet, jwtVerify } from 'jose';

const ISSUER = process.env.ISSUER_URL ?? 'https://id.example.io';
const JWKS = createRemoteJWKSet(new URL('/oauth/jwks', ISSUER));

export async function verifyAccessToken(token) {
  // held-out: token-audience-not-validated
  const { payload, protectedHeader } = await jwtVerify(token, JWKS, { issuer: ISSUER, requiredClaims: ['exp', 'sub'] });
  const audience = Array.isArray(payload.aud) ? payload.aud.join(',') : payload.aud;
  console.error(`[auth] kid=${protectedHeader.kid} sub=${payload.sub} aud=${audience}`);
  return {
    token,
    clientId: payload.client_id ?? 'unknown',
    scopes: (payload.scope ?? '').split(' '),
    expiresAt: payload.exp,
    extra: { audience },
  };
}
