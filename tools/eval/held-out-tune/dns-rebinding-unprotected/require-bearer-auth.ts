// held-out: clean — every MCP route requires a verified bearer token, which a DNS-rebinding page cannot send (the rule's documented scope counts enforced auth as protection).
// Express MCP server with requireBearerAuth in front of the transport — AUTH + Streamable HTTP.
import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './verifier.js';
import { registerTools } from './tools.js';

const app = express();
app.use(express.json());
const auth = requireBearerAuth({ verifier, resourceMetadataUrl: 'http://localhost:3000/.well-known/oauth-protected-resource' });

app.post('/mcp', auth, async (req, res) => {
  const server = new McpServer({ name: 'crm', version: '2.3.0' });
  registerTools(server);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(3000);
