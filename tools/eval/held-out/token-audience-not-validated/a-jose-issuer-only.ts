// token-audience-not-validated: the SDK bearer middleware is fed by a jose verifier that checks issuer but not audience — AUTH "MCP servers MUST validate that access tokens were issued specifically for them as the intended audience."
import express from 'express';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';

const ISSUER = 'https://tenant.auth0.example.com/';
const jwks = createRemoteJWKSet(new URL(`${ISSUER}.well-known/jwks.json`));

const verifier: OAuthTokenVerifier = {
  async verifyAccessToken(token) {
    try {
      // held-out: token-audience-not-validated
      const { payload } = await jwtVerify(token, jwks, { issuer: ISSUER, algorithms: ['RS256'] });
      return {
        token,
        clientId: String(payload.azp ?? payload.client_id),
        scopes: typeof payload.scope === 'string' ? payload.scope.split(' ') : [],
        expiresAt: payload.exp,
      };
    } catch (e) {
      throw new InvalidTokenError((e as Error).message);
    }
  },
};

const app = express();
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier, requiredScopes: ['mcp:tools'] }));
app.post('/mcp', (_req, res) => res.status(501).end());
app.listen(3001);
