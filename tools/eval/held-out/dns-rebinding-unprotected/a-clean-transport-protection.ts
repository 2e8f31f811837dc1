// held-out: clean — the transport enables DNS rebinding protection with explicit allowedHosts and allowedOrigins, and the server binds to 127.0.0.1
// Local Express MCP server using the SDK's built-in Host/Origin validation (Streamable HTTP: validate Origin; bind to localhost).
import express from 'express';
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const PORT = 3845;
const server = new McpServer({ name: 'ide-companion', version: '1.0.0' });
const transport = new StreamableHTTPServerTransport({
  sessionIdGenerator: () => randomUUID(),
  enableDnsRebindingProtection: true,
  allowedHosts: [`127.0.0.1:${PORT}`, `localhost:${PORT}`],
  allowedOrigins: [`http://127.0.0.1:${PORT}`, `http://localhost:${PORT}`, 'vscode-webview://ide-companion'],
});
await server.connect(transport);

const app = express();
app.use(express.json());
app.all('/mcp', (req, res) => transport.handleRequest(req, res, req.body));
app.listen(PORT, '127.0.0.1');
