// Access-token verification module of a multi-file MCP server (jose, Cognito user pool JWKS); checks issuer and token_use, no audience or client check — MCP 2026-07-28 authorization, token handling (RFC 8707 §2).
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';

const REGION = process.env.AWS_REGION ?? 'eu-west-1';
const POOL = process.env.COGNITO_POOL_ID!;
const issuer = `https://cognito-idp.${REGION}.amazonaws.com/${POOL}`;
const keySet = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));

export async function verifyBearer(token: string): Promise<AuthInfo> {
  // held-out: token-audience-not-validated
  const { payload } = await jwtVerify(token, keySet, { issuer });
  if (payload.token_use !== 'access') throw new Error('not an access token');
  return {
    token,
    clientId: String(payload.client_id),
    scopes: String(payload.scope ?? '').split(' ').filter(Boolean),
    expiresAt: payload.exp,
  };
}
