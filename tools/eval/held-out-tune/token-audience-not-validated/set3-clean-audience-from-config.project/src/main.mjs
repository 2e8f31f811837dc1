// held-out: clean — wires the audience-checking verifier into the SDK bearer middleware
// Express entry point of the search MCP server
import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { settings } from './settings.mjs';
import { verifyAccessToken } from './verify-token.mjs';

const app = express();
app.use(express.json());
app.get('/.well-known/oauth-protected-resource', (_req, res) => res.json({ resource: settings.resource, authorization_servers: [settings.issuer] }));
app.post('/mcp', requireBearerAuth({ verifier: { verifyAccessToken } }), async (req, res) => {
  const server = new McpServer({ name: 'search', version: '2.2.0' });
  server.tool('search', 'Full-text search', async () => ({ content: [{ type: 'text', text: '[]' }] }));
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(settings.port);
