// allowedHosts/allowedOrigins are passed but enableDnsRebindingProtection is left out, so the SDK transport validates nothing (MCP transports: "Servers MUST validate the Origin header"; the SDK checks the lists only when the flag is true).
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { registerBrowserTools } from './browser-tools.js';

const PORT = 9222 + 1;
const app = express();
app.use(express.json());

app.post('/mcp', async (req, res) => {
  const server = new McpServer({ name: 'browser-automation', version: '0.7.0' });
  registerBrowserTools(server);
  // held-out: dns-rebinding-unprotected
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    allowedHosts: [`127.0.0.1:${PORT}`, `localhost:${PORT}`],
    allowedOrigins: [`http://127.0.0.1:${PORT}`, `http://localhost:${PORT}`],
  });
  res.on('close', () => transport.close());
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(PORT, '127.0.0.1');
