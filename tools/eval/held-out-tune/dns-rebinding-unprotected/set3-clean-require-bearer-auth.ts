// held-out: clean — every /mcp request must carry a valid bearer token (requireBearerAuth), so a rebinding page without the token is refused
// Remote-capable MCP server with the SDK's bearer-auth middleware in front of StreamableHTTPServerTransport
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { getOAuthProtectedResourceMetadataUrl } from '@modelcontextprotocol/sdk/server/auth/router.js';
import { tokenVerifier } from './verifier.js';

const serverUrl = new URL(process.env.MCP_SERVER_URL ?? 'http://localhost:3000/mcp');
const app = express();
app.use(express.json());

const auth = requireBearerAuth({
  verifier: tokenVerifier,
  requiredScopes: ['mcp:tools'],
  resourceMetadataUrl: getOAuthProtectedResourceMetadataUrl(serverUrl),
});

app.post('/mcp', auth, async (req, res) => {
  const server = new McpServer({ name: 'crm', version: '2.0.0' });
  server.tool('whoami', {}, async (_args, extra) => ({ content: [{ type: 'text', text: extra.authInfo?.clientId ?? '' }] }));
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => transport.close());
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(3000);
