// held-out: clean — createMcpExpressApp() validates the Host header for its default loopback bind.
// Local MCP server built on the SDK's express helper — Streamable HTTP DNS rebinding protection.
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { registerTools } from './tools.js';

const app = createMcpExpressApp();

app.post('/mcp', async (req, res) => {
  const server = new McpServer({ name: 'screenshot', version: '1.0.0' });
  registerTools(server);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(3000, '127.0.0.1', () => console.error('screenshot MCP on http://127.0.0.1:3000/mcp'));
