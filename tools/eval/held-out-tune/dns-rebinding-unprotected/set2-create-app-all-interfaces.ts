// createMcpExpressApp({ host: '0.0.0.0' }) without allowedHosts: the SDK skips its Host validation for a non-loopback host (MCP transports: "Servers MUST validate the Origin header"; local servers "SHOULD bind only to localhost (127.0.0.1) rather than all network interfaces (0.0.0.0)").
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { registerHomeAssistantTools } from './ha.js';

const HOST = '0.0.0.0'; // so the phone on the LAN can reach it too
// held-out: dns-rebinding-unprotected
const app = createMcpExpressApp({ host: HOST });

app.post('/mcp', async (req, res) => {
  const server = new McpServer({ name: 'home-assistant-mcp', version: '0.5.3' });
  registerHomeAssistantTools(server, process.env.HA_URL!, process.env.HA_TOKEN!);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => transport.close());
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(8123 + 100, HOST, () => console.log(`home-assistant-mcp on ${HOST}:8223`));
