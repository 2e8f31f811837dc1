// MCP TypeScript SDK requireBearerAuth with a verifier that accepts a static service token compared by ===; CWE-208, MCP authorization token validation.
import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { mcpHandler } from './mcp.js';

const serviceToken = process.env.SERVICE_ACCESS_TOKEN ?? '';

const verifier: OAuthTokenVerifier = {
  async verifyAccessToken(token: string): Promise<AuthInfo> {
    // held-out: secret-compare-not-constant-time
    if (!serviceToken || token !== serviceToken) {
      throw new InvalidTokenError('unknown token');
    }
    return { token, clientId: 'internal-scheduler', scopes: ['tools:call'], expiresAt: Math.floor(Date.now() / 1000) + 3600 };
  },
};

const app = express();
app.use('/mcp', requireBearerAuth({ verifier, requiredScopes: ['tools:call'] }), mcpHandler);
export default app;
