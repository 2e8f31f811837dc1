// Express entry point: plugs the token helper into the SDK's requireBearerAuth and serves the protected resource metadata
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { config } from './config.js';
import { verifyBearer } from './auth/tokens.js';

const app = express();
app.use(express.json());

app.get('/.well-known/oauth-protected-resource', (_req, res) => {
  res.json({ resource: `${config.publicUrl}/mcp`, authorization_servers: [config.issuer], scopes_supported: config.scopes });
});

const bearer = requireBearerAuth({
  verifier: {
    verifyAccessToken: async (token) => {
      const verified = await verifyBearer(token).catch(() => {
        throw new InvalidTokenError('invalid access token');
      });
      return { token, clientId: verified.clientId, scopes: verified.scopes, expiresAt: verified.expiresAt };
    },
  },
  resourceMetadataUrl: `${config.publicUrl}/.well-known/oauth-protected-resource`,
});

app.post('/mcp', bearer, async (req, res) => {
  const server = new McpServer({ name: 'projects', version: '1.4.0' });
  server.tool('list_projects', 'List projects', async () => ({ content: [{ type: 'text', text: '[]' }] }));
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(config.port);
