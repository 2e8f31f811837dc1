// Entry point: SDK bearer auth in front of the Streamable HTTP transport
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { registerJiraTools } from './tools.js';
import { atlassianVerifier } from './verifier.js';

const server = new McpServer({ name: 'jira', version: '0.9.0' });
registerJiraTools(server);

const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier: atlassianVerifier }), async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(Number(process.env.PORT ?? 3000));
