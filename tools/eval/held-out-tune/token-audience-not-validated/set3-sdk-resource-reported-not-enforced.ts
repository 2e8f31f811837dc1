// SDK verifier copies the token's aud into AuthInfo.resource, but requireBearerAuth is mounted without expectedResource, so nothing ever compares it (AUTH: "MCP servers MUST validate that access tokens were issued specifically for them as the intended audience")
import express from 'express';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { getOAuthProtectedResourceMetadataUrl } from '@modelcontextprotocol/sdk/server/auth/router.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/types.js';

const ISSUER = process.env.ISSUER ?? 'https://auth.example.com';
const MCP_RESOURCE = new URL(process.env.MCP_RESOURCE ?? 'https://calendar.example.com/mcp');
const jwks = createRemoteJWKSet(new URL(`${ISSUER}/.well-known/jwks.json`));

async function verifyAccessToken(token: string): Promise<AuthInfo> {
  const { payload } = await jwtVerify(token, jwks, { issuer: ISSUER }).catch(() => {
    throw new InvalidTokenError('invalid token');
  });
  const aud = Array.isArray(payload.aud) ? payload.aud[0] : payload.aud;
  return {
    token,
    clientId: String(payload.client_id ?? ''),
    scopes: String(payload.scope ?? '').split(' ').filter(Boolean),
    expiresAt: payload.exp,
    resource: aud ? new URL(aud) : undefined,
  };
}

const app = express();
app.use(express.json());
app.post(
  '/mcp',
  // held-out: token-audience-not-validated
  requireBearerAuth({ verifier: { verifyAccessToken }, resourceMetadataUrl: getOAuthProtectedResourceMetadataUrl(MCP_RESOURCE) }),
  async (req, res) => {
    const server = new McpServer({ name: 'calendar', version: '1.0.0' });
    server.tool('agenda', 'Today’s agenda', async (extra) => ({
      content: [{ type: 'text', text: `agenda for ${extra.authInfo?.clientId} (token for ${extra.authInfo?.resource?.href ?? 'unknown'})` }],
    }));
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  },
);
app.listen(3000);
