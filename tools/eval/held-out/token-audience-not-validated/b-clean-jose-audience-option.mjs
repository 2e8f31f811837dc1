// held-out: clean — jwtVerify is given both issuer and audience (this server's canonical resource URL), so tokens for other resources are rejected.
// ESM verifier used with the SDK's requireBearerAuth on a Fastify-hosted MCP server.
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';

const RESOURCE = 'https://wiki-mcp.example.com/mcp';
const ISSUER = 'https://auth.example.com';
const jwks = createRemoteJWKSet(new URL(`${ISSUER}/.well-known/jwks.json`));

export const wikiVerifier = {
  async verifyAccessToken(token) {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: ISSUER,
        audience: RESOURCE,
        algorithms: ['ES256', 'RS256'],
      }));
    } catch (e) {
      throw new InvalidTokenError(e.code ?? 'invalid token');
    }
    return {
      token,
      clientId: String(payload.client_id),
      scopes: String(payload.scope ?? '').split(' '),
      expiresAt: payload.exp,
      resource: new URL(RESOURCE),
    };
  },
};
