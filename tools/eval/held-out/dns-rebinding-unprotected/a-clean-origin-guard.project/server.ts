// Local Express MCP server that mounts origin-guard.ts before the transport.
import express from 'express';
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { originGuard } from './origin-guard.js';

const PORT = 6100;
const sessions = new Map<string, StreamableHTTPServerTransport>();
const app = express();
app.use('/mcp', originGuard(PORT));
app.use(express.json());

app.post('/mcp', async (req, res) => {
  let t = sessions.get(String(req.headers['mcp-session-id']));
  if (!t) {
    t = new StreamableHTTPServerTransport({ sessionIdGenerator: randomUUID, onsessioninitialized: (id) => void sessions.set(id, t!) });
    await new McpServer({ name: 'notes', version: '1.0.0' }).connect(t);
  }
  await t.handleRequest(req, res, req.body);
});

app.listen(PORT, '127.0.0.1');
