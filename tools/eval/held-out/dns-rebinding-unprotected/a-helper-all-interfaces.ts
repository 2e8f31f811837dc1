// dns-rebinding-unprotected: createMcpExpressApp is asked for host 0.0.0.0 without allowedHosts, so the helper installs no Host validation and nothing checks Origin — Streamable HTTP "Servers MUST validate the Origin header on all incoming connections"
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const HOST = '0.0.0.0';
// held-out: dns-rebinding-unprotected
const app = createMcpExpressApp({ host: HOST });

app.post('/mcp', async (req, res) => {
  const server = new McpServer({ name: 'home-assistant-bridge', version: '0.6.0' });
  server.tool('lights_off', async () => ({ content: [{ type: 'text', text: 'done' }] }));
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(8123, HOST);
