// held-out: clean — the SDK's Host header validation middleware guards every route.
// Local MCP server using hostHeaderValidation from the SDK — Streamable HTTP DNS rebinding protection.
import express from 'express';
import { hostHeaderValidation } from '@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { registerTools } from './tools.js';

const app = express();
app.use(hostHeaderValidation(['localhost', '127.0.0.1', '[::1]']));
app.use(express.json());

app.post('/mcp', async (req, res) => {
  const server = new McpServer({ name: 'spotify-local', version: '0.2.0' });
  registerTools(server);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(8090, 'localhost');
