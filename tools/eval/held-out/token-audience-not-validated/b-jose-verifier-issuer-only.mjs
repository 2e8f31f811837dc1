// ESM verifier for the SDK's requireBearerAuth that checks signature and issuer but never the audience — spec (authorization, token handling): "MCP servers MUST validate that access tokens were issued specifically for them as the intended audience."
import express from 'express';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';

const ISSUER = 'https://login.example-idp.com/';
const jwks = createRemoteJWKSet(new URL(`${ISSUER}.well-known/jwks.json`));

const verifier = {
  async verifyAccessToken(token) {
    try {
      // held-out: token-audience-not-validated
      const { payload } = await jwtVerify(token, jwks, { issuer: ISSUER, algorithms: ['RS256'] });
      return {
        token,
        clientId: String(payload.azp ?? payload.client_id ?? ''),
        scopes: typeof payload.scope === 'string' ? payload.scope.split(' ') : [],
        expiresAt: payload.exp,
        extra: { sub: payload.sub },
      };
    } catch (err) {
      throw new InvalidTokenError(`token rejected: ${err.message}`);
    }
  },
};

export const bearer = requireBearerAuth({
  verifier,
  requiredScopes: ['mcp:tools'],
  resourceMetadataUrl: 'https://tools.example.com/.well-known/oauth-protected-resource',
});

export const router = express.Router();
router.use('/mcp', bearer);
