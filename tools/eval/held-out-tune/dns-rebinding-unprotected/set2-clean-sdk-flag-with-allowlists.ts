// held-out: clean — the transport enables DNS rebinding protection with allowedHosts and allowedOrigins and the server binds 127.0.0.1
// Local express Streamable HTTP server configured as the MCP transports section asks: Origin validated (403 on a foreign Origin), loopback bind.
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { registerGitTools } from './git-tools.js';

const PORT = 3017;
const app = express();
app.use(express.json());

app.post('/mcp', async (req, res) => {
  const server = new McpServer({ name: 'git-local', version: '0.6.0' });
  registerGitTools(server);
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableDnsRebindingProtection: true,
    allowedHosts: [`127.0.0.1:${PORT}`, `localhost:${PORT}`],
    allowedOrigins: [`http://127.0.0.1:${PORT}`, `http://localhost:${PORT}`],
  });
  res.on('close', () => transport.close());
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(PORT, '127.0.0.1');
