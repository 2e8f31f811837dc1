// held-out: clean — jwtVerify pins both issuer and audience to this server's canonical resource URL
// Express MCP server with the SDK's requireBearerAuth and a jose verifier that checks aud against the resource (AUTH, token handling, RFC 8707 §2)
import express from 'express';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { getOAuthProtectedResourceMetadataUrl } from '@modelcontextprotocol/sdk/server/auth/router.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/types.js';

const ISSUER = process.env.OIDC_ISSUER ?? 'https://login.acme-idp.com/';
const RESOURCE = new URL(process.env.MCP_PUBLIC_URL ?? 'https://notes.acme.dev/mcp');
const jwks = createRemoteJWKSet(new URL('.well-known/jwks.json', ISSUER));

async function verifyAccessToken(token: string): Promise<AuthInfo> {
  try {
    const { payload } = await jwtVerify(token, jwks, { issuer: ISSUER, audience: RESOURCE.href, algorithms: ['RS256'] });
    return {
      token,
      clientId: String(payload.client_id ?? payload.azp ?? ''),
      scopes: typeof payload.scope === 'string' ? payload.scope.split(' ') : [],
      expiresAt: payload.exp,
      resource: RESOURCE,
    };
  } catch {
    throw new InvalidTokenError('invalid token');
  }
}

const app = express();
app.use(express.json());
app.post(
  '/mcp',
  requireBearerAuth({ verifier: { verifyAccessToken }, resourceMetadataUrl: getOAuthProtectedResourceMetadataUrl(RESOURCE) }),
  async (req, res) => {
    const server = new McpServer({ name: 'notes', version: '0.5.0' });
    server.tool('list_notes', 'List notes', async () => ({ content: [{ type: 'text', text: '[]' }] }));
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  },
);
app.listen(3030);
