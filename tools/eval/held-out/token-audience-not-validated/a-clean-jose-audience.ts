// held-out: clean — jwtVerify pins both issuer and audience to this MCP server's canonical URI
// Express MCP server with the SDK's requireBearerAuth; the verifier rejects tokens whose aud is not https://docs-mcp.example.com/mcp (AUTH: token audience validation).
import express from 'express';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';

const RESOURCE = 'https://docs-mcp.example.com/mcp';
const ISSUER = 'https://auth.example.com';
const jwks = createRemoteJWKSet(new URL(`${ISSUER}/.well-known/jwks.json`));

const verifier: OAuthTokenVerifier = {
  async verifyAccessToken(token) {
    try {
      const { payload } = await jwtVerify(token, jwks, { issuer: ISSUER, audience: RESOURCE, algorithms: ['RS256', 'ES256'] });
      return { token, clientId: String(payload.client_id), scopes: String(payload.scope ?? '').split(' '), expiresAt: payload.exp, resource: new URL(RESOURCE) };
    } catch (e) {
      throw new InvalidTokenError((e as Error).message);
    }
  },
};

const app = express();
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier, resourceMetadataUrl: 'https://docs-mcp.example.com/.well-known/oauth-protected-resource/mcp' }));
app.post('/mcp', (_req, res) => res.status(202).end());
app.listen(3000);
