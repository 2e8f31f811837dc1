// Express MCP server whose requireBearerAuth verifier checks signature and issuer but never the audience (AUTH, token handling: "MCP servers MUST validate that access tokens were issued specifically for them as the intended audience")
import express from 'express';
import { createRemoteJWKSet, jwtVerify, errors as joseErrors } from 'jose';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { mcpAuthMetadataRouter, getOAuthProtectedResourceMetadataUrl } from '@modelcontextprotocol/sdk/server/auth/router.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

const ISSUER = process.env.OIDC_ISSUER ?? 'https://login.acme-idp.com/';
const MCP_URL = new URL(process.env.MCP_PUBLIC_URL ?? 'http://localhost:3030/mcp');
const jwks = createRemoteJWKSet(new URL('.well-known/jwks.json', ISSUER));

const verifier = {
  async verifyAccessToken(token: string): Promise<AuthInfo> {
    try {
      // held-out: token-audience-not-validated
      const { payload } = await jwtVerify(token, jwks, { issuer: ISSUER });
      return {
        token,
        clientId: String(payload.client_id ?? payload.azp ?? ''),
        scopes: typeof payload.scope === 'string' ? payload.scope.split(' ') : [],
        expiresAt: payload.exp,
      };
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw new InvalidTokenError('token expired');
      throw new InvalidTokenError('invalid token');
    }
  },
};

const app = express();
app.use(express.json());
app.use(
  mcpAuthMetadataRouter({
    oauthMetadata: {
      issuer: ISSUER,
      authorization_endpoint: new URL('authorize', ISSUER).href,
      token_endpoint: new URL('oauth/token', ISSUER).href,
      response_types_supported: ['code'],
    },
    resourceServerUrl: MCP_URL,
    scopesSupported: ['notes:read', 'notes:write'],
  }),
);

const auth = requireBearerAuth({ verifier, resourceMetadataUrl: getOAuthProtectedResourceMetadataUrl(MCP_URL) });

app.post('/mcp', auth, async (req, res) => {
  const server = new McpServer({ name: 'notes', version: '0.4.1' });
  server.registerTool('list_notes', { description: 'List notes', inputSchema: { tag: z.string().optional() } }, async ({ tag }, extra) => ({
    content: [{ type: 'text', text: `notes for ${extra.authInfo?.clientId} tagged ${tag ?? '*'}` }],
  }));
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => transport.close());
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(3030);
