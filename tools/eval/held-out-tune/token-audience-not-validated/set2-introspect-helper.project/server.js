// MCP server (express + requireBearerAuth) whose verifyAccessToken accepts any token the introspection helper reports active, without checking its aud — MCP 2026-07-28 authorization, token handling ("MUST validate that access tokens were issued specifically for them").
import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { introspect } from './introspect.js';
import { mcpHandler } from './mcp.js';

const verifier = {
  async verifyAccessToken(token) {
    const result = await introspect(token);
    // held-out: token-audience-not-validated
    if (!result.active || result.token_type === 'refresh_token') throw new InvalidTokenError('inactive token');
    return { token, clientId: result.client_id, scopes: (result.scope ?? '').split(' '), expiresAt: result.exp };
  },
};

const app = express();
app.use(express.json());
app.all('/mcp', requireBearerAuth({ verifier, resourceMetadataUrl: 'https://wiki-mcp.example.com/.well-known/oauth-protected-resource' }), mcpHandler);
app.listen(3000);
