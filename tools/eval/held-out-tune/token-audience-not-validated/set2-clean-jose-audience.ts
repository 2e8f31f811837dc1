// held-out: clean — jwtVerify pins issuer and the server's own resource identifier as audience
// requireBearerAuth verifier for an MCP server on Auth0 (MCP 2026-07-28 authorization, token handling; RFC 9728 resource as audience).
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';

const RESOURCE = process.env.MCP_RESOURCE ?? 'https://calendar-mcp.example.com/mcp';
const ISSUER = 'https://example-tenant.us.auth0.com/';
const JWKS = createRemoteJWKSet(new URL(`${ISSUER}.well-known/jwks.json`));

export const verifier: OAuthTokenVerifier = {
  async verifyAccessToken(token) {
    const { payload } = await jwtVerify(token, JWKS, { issuer: ISSUER, audience: RESOURCE, algorithms: ['RS256'] });
    return {
      token,
      clientId: String(payload.azp),
      scopes: String(payload.scope ?? '').split(' '),
      expiresAt: payload.exp,
      resource: new URL(RESOURCE),
    };
  },
};
