// held-out: clean — entry point; bearer auth in front of the transport
// Express app for the records MCP server
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { registerRecordTools } from './records.js';
import { oktaVerifier } from './okta-verifier.js';

const server = new McpServer({ name: 'records', version: '1.0.0' });
registerRecordTools(server);

const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier: oktaVerifier }), async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000);
