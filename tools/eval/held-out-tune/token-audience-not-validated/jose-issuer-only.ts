// OAuthTokenVerifier for requireBearerAuth that checks signature and issuer but not audience — AUTH: "MCP servers MUST validate that access tokens were issued specifically for them as the intended audience".
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';

const ISSUER = 'https://acme.us.auth0.com/';
const jwks = createRemoteJWKSet(new URL(`${ISSUER}.well-known/jwks.json`));

export const verifier: OAuthTokenVerifier = {
  async verifyAccessToken(token: string): Promise<AuthInfo> {
    // held-out: token-audience-not-validated
    const { payload } = await jwtVerify(token, jwks, { issuer: ISSUER });
    return {
      token,
      clientId: String(payload.azp ?? payload.client_id),
      scopes: typeof payload.scope === 'string' ? payload.scope.split(' ') : [],
      expiresAt: payload.exp,
    };
  },
};
