// held-out: clean — every /mcp request must carry a valid bearer token (the SDK's requireBearerAuth answers 401 otherwise), which a rebinding page does not have
// Remote-capable MCP server acting as an OAuth resource server (MCP authorization: "MUST validate access tokens"); protection against rebinding comes from enforced authentication.
import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { tokenVerifier } from './auth/verifier.js';
import { registerCrmTools } from './crm.js';

const app = express();
app.use(express.json());

const bearer = requireBearerAuth({
  verifier: tokenVerifier,
  requiredScopes: ['crm:read'],
  resourceMetadataUrl: 'https://crm-mcp.example.com/.well-known/oauth-protected-resource',
});

app.post('/mcp', bearer, async (req, res) => {
  const server = new McpServer({ name: 'crm', version: '2.0.0' });
  registerCrmTools(server);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => transport.close());
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(8000);
