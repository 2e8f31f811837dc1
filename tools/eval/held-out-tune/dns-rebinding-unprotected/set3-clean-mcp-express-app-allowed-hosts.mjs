// held-out: clean — createMcpExpressApp binds 0.0.0.0 but is given allowedHosts, so the SDK validates the Host header
// Docker-friendly MCP server listening on every interface with the SDK helper's explicit host allow-list
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const allowedHosts = (process.env.ALLOWED_HOSTS ?? 'localhost,127.0.0.1').split(',').map((h) => h.trim());
const app = createMcpExpressApp({ host: '0.0.0.0', allowedHosts });

function buildServer() {
  const server = new McpServer({ name: 'rss-reader', version: '0.6.1' });
  server.tool('feeds', {}, async () => ({ content: [{ type: 'text', text: '[]' }] }));
  return server;
}

app.post('/mcp', async (req, res) => {
  const server = buildServer();
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => {
    transport.close();
    server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(8080, '0.0.0.0', () => console.log('rss-reader MCP listening on :8080'));
