// held-out: clean — originGuard from origin-guard.ts runs before every MCP route, so the transport only sees validated requests
// Local Express MCP server with session transports, protected by the shared origin guard
import express from 'express';
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { originGuard } from './origin-guard.js';

const PORT = Number(process.env.PORT ?? 3200);
const app = express();
app.use(originGuard({ port: PORT, extraOrigins: ['http://localhost:6274'] }));
app.use(express.json());
const sessions = new Map<string, StreamableHTTPServerTransport>();

app.post('/mcp', async (req, res) => {
  const sid = req.header('mcp-session-id');
  const known = sid ? sessions.get(sid) : undefined;
  if (known) return known.handleRequest(req, res, req.body);
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    onsessioninitialized: (id) => sessions.set(id, transport),
  });
  const server = new McpServer({ name: 'notion-local', version: '0.8.0' });
  await server.connect(transport);
  return transport.handleRequest(req, res, req.body);
});

app.listen(PORT, '127.0.0.1');
