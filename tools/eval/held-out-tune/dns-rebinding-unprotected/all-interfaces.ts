// Express MCP server listening on 0.0.0.0 with an unprotected transport — Streamable HTTP: Origin MUST be validated; local servers SHOULD bind only to localhost.
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { registerDockerTools } from './docker-tools.js';

const HOST = '0.0.0.0';
const PORT = parseInt(process.env.MCP_PORT ?? '9000', 10);

const app = express();
app.use(express.json());

app.post('/mcp', async (req, res) => {
  const server = new McpServer({ name: 'docker-mcp', version: '0.8.0' });
  registerDockerTools(server);
  // held-out: dns-rebinding-unprotected
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(PORT, HOST, () => console.log(`docker-mcp listening on ${HOST}:${PORT}`));
