// Transport given allowedHosts/allowedOrigins but not enableDnsRebindingProtection, so the SDK never checks them — Streamable HTTP transport: "Servers MUST validate the Origin header on all incoming connections"
import express from 'express';
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const PORT = 3100;
const app = express();
app.use(express.json());
const sessions: Record<string, StreamableHTTPServerTransport> = {};

app.post('/mcp', async (req, res) => {
  const sid = req.headers['mcp-session-id'];
  if (typeof sid === 'string' && sessions[sid]) {
    await sessions[sid].handleRequest(req, res, req.body);
    return;
  }
  // held-out: dns-rebinding-unprotected
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    allowedHosts: [`127.0.0.1:${PORT}`, `localhost:${PORT}`],
    allowedOrigins: [`http://localhost:${PORT}`],
    onsessioninitialized: (id) => {
      sessions[id] = transport;
    },
  });
  const server = new McpServer({ name: 'postgres-local', version: '0.4.0' });
  server.tool('tables', {}, async () => ({ content: [{ type: 'text', text: 'users, orders' }] }));
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(PORT, '127.0.0.1');
