// held-out: clean — jwtVerify pins the MCP server's resource URL as audience.
// OAuthTokenVerifier with issuer and audience set — AUTH: tokens "issued specifically for them as the intended audience".
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';

const ISSUER = 'https://acme.us.auth0.com/';
const RESOURCE = 'https://mcp.acme.com/mcp';
const jwks = createRemoteJWKSet(new URL(`${ISSUER}.well-known/jwks.json`));

export const verifier: OAuthTokenVerifier = {
  async verifyAccessToken(token) {
    const { payload } = await jwtVerify(token, jwks, { issuer: ISSUER, audience: RESOURCE });
    return { token, clientId: String(payload.azp), scopes: String(payload.scope ?? '').split(' '), expiresAt: payload.exp, resource: new URL(RESOURCE) };
  },
};
