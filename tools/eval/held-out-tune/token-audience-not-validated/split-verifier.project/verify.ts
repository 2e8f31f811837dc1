// Token check module of an MCP server: signature and issuer only, no audience — AUTH: "MUST validate that access tokens were issued specifically for them as the intended audience".
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';

const issuerUrl = new URL(process.env.AUTH_ISSUER ?? 'https://id.example.net');
const jwks = createRemoteJWKSet(new URL('/.well-known/jwks.json', issuerUrl));

export async function checkBearer(token: string): Promise<AuthInfo> {
  // held-out: token-audience-not-validated
  const result = await jwtVerify(token, jwks, { issuer: issuerUrl.href, requiredClaims: ['exp', 'sub'] });
  return { token, clientId: String(result.payload.client_id), scopes: [], expiresAt: result.payload.exp };
}
