// MCP server verifier that compares aud only when the token has one, so a token without any audience is accepted — MCP 2026-07-28 security considerations: "MUST reject tokens that do not include them in the audience claim".
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';

const RESOURCE = 'https://analytics-mcp.example.com/mcp';
const ISSUER = 'https://auth.example.com';
const JWKS = createRemoteJWKSet(new URL(`${ISSUER}/.well-known/jwks.json`));

export async function verifyAccessToken(token: string): Promise<AuthInfo> {
  const { payload } = await jwtVerify(token, JWKS, { issuer: ISSUER });
  // held-out: token-audience-not-validated
  if (payload.aud && payload.aud !== RESOURCE && !(Array.isArray(payload.aud) && payload.aud.includes(RESOURCE))) {
    throw new Error('token audience mismatch');
  }
  return { token, clientId: String(payload.client_id ?? payload.sub), scopes: String(payload.scope ?? '').split(' '), expiresAt: payload.exp };
}
