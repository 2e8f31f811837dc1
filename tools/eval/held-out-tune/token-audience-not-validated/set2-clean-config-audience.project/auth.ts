// held-out: clean — jwtVerify gets the options from settings.ts, which set audience to this server's resource
// requireBearerAuth verifier of a multi-file MCP server (MCP 2026-07-28 authorization, token handling).
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { settings, verifyOptions } from './settings.js';

const keys = createRemoteJWKSet(new URL(settings.jwksUrl));

export const bearer = requireBearerAuth({
  verifier: {
    async verifyAccessToken(token) {
      const { payload } = await jwtVerify(token, keys, verifyOptions);
      return { token, clientId: String(payload.client_id), scopes: String(payload.scope ?? '').split(' '), expiresAt: payload.exp, resource: new URL(settings.resource) };
    },
  },
  resourceMetadataUrl: new URL('/.well-known/oauth-protected-resource', settings.resource).href,
});
