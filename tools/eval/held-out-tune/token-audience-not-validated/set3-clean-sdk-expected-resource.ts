// held-out: clean — the verifier reports the token's aud as AuthInfo.resource and requireBearerAuth's expectedResource rejects any other resource (near-miss: jwtVerify itself has no audience option)
// Express MCP server on SDK 1.32 leaving the audience comparison to the bearer middleware
import express from 'express';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { getOAuthProtectedResourceMetadataUrl } from '@modelcontextprotocol/sdk/server/auth/router.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/types.js';

const ISSUER = process.env.ISSUER ?? 'https://auth.example.com';
const MCP_RESOURCE = new URL(process.env.MCP_RESOURCE ?? 'https://wiki.example.com/mcp');
const jwks = createRemoteJWKSet(new URL(`${ISSUER}/.well-known/jwks.json`));

async function verifyAccessToken(token: string): Promise<AuthInfo> {
  const { payload } = await jwtVerify(token, jwks, { issuer: ISSUER }).catch(() => {
    throw new InvalidTokenError('invalid token');
  });
  const aud = Array.isArray(payload.aud) ? payload.aud[0] : payload.aud;
  if (!aud) throw new InvalidTokenError('token has no audience');
  return {
    token,
    clientId: String(payload.client_id ?? ''),
    scopes: String(payload.scope ?? '').split(' ').filter(Boolean),
    expiresAt: payload.exp,
    resource: new URL(aud),
  };
}

const app = express();
app.use(express.json());
app.post(
  '/mcp',
  requireBearerAuth({
    verifier: { verifyAccessToken },
    expectedResource: MCP_RESOURCE,
    resourceMetadataUrl: getOAuthProtectedResourceMetadataUrl(MCP_RESOURCE),
  }),
  async (req, res) => {
    const server = new McpServer({ name: 'wiki', version: '3.0.0' });
    server.tool('search', 'Search the wiki', async () => ({ content: [{ type: 'text', text: '[]' }] }));
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  },
);
app.listen(3000);
