// createMcpExpressApp bound to 0.0.0.0 without allowedHosts, which turns the SDK's Host validation off — Streamable HTTP transport: "Servers MUST validate the Origin header"; "When running locally, servers SHOULD bind only to localhost"
import { randomUUID } from 'node:crypto';
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { registerHomeAssistantTools } from './ha-tools.js';

const HOST = process.env.HOST ?? '0.0.0.0';
const PORT = Number(process.env.PORT ?? 8099);

// held-out: dns-rebinding-unprotected
const app = createMcpExpressApp({ host: HOST });
const sessions = new Map<string, StreamableHTTPServerTransport>();

app.post('/mcp', async (req, res) => {
  const existing = sessions.get(String(req.headers['mcp-session-id'] ?? ''));
  if (existing) {
    await existing.handleRequest(req, res, req.body);
    return;
  }
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    onsessioninitialized: (id) => sessions.set(id, transport),
  });
  const server = new McpServer({ name: 'home-assistant', version: '1.4.0' });
  registerHomeAssistantTools(server, process.env.HA_URL!, process.env.HA_TOKEN!);
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(PORT, HOST, () => {
  console.log(`home-assistant MCP listening on ${HOST}:${PORT}`);
});
