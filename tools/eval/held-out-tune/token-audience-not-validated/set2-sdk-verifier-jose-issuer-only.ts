// requireBearerAuth verifier (MCP SDK) built on jose that checks signature and issuer of Auth0 access tokens but not their audience — MCP 2026-07-28 authorization, token handling: "MUST validate that access tokens were issued specifically for them as the intended audience".
import express from 'express';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { mountMcp } from './mcp.js';

const ISSUER = `https://${process.env.AUTH0_DOMAIN}/`;
const jwks = createRemoteJWKSet(new URL(`${ISSUER}.well-known/jwks.json`));

const app = express();
app.use(express.json());

const bearer = requireBearerAuth({
  verifier: {
    verifyAccessToken: async (token: string): Promise<AuthInfo> => {
      // held-out: token-audience-not-validated
      const { payload } = await jwtVerify(token, jwks, { issuer: ISSUER, algorithms: ['RS256'] });
      return {
        token,
        clientId: String(payload.azp ?? payload.sub),
        scopes: typeof payload.scope === 'string' ? payload.scope.split(' ') : [],
        expiresAt: payload.exp,
      };
    },
  },
  resourceMetadataUrl: 'https://notes-mcp.example.com/.well-known/oauth-protected-resource',
});

mountMcp(app, '/mcp', bearer);
app.listen(3000);
