// held-out: clean — the transport validates Host and Origin against loopback allow-lists.
// Local Express MCP server with the SDK transport's DNS rebinding protection on — Streamable HTTP: "Servers MUST validate the Origin header".
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { registerTools } from './tools.js';

const PORT = 3000;
const app = express();
app.use(express.json());

app.post('/mcp', async (req, res) => {
  const server = new McpServer({ name: 'local-notes', version: '0.3.0' });
  registerTools(server);
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableDnsRebindingProtection: true,
    allowedHosts: [`127.0.0.1:${PORT}`, `localhost:${PORT}`],
    allowedOrigins: [`http://127.0.0.1:${PORT}`, `http://localhost:${PORT}`],
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(PORT, '127.0.0.1');
