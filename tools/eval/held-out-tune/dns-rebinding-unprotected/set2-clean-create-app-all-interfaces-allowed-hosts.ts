// held-out: clean — createMcpExpressApp binds 0.0.0.0 but is given allowedHosts, so the SDK still validates the Host header
// Container-friendly MCP server using the SDK helper as documented for non-loopback binds (MCP transports: DNS rebinding defence).
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { registerSearchTools } from './search.js';

const app = createMcpExpressApp({ host: '0.0.0.0', allowedHosts: ['search-mcp.internal', 'localhost'] });

app.post('/mcp', async (req, res) => {
  const server = new McpServer({ name: 'search', version: '3.2.0' });
  registerSearchTools(server);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => transport.close());
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(8080, '0.0.0.0');
