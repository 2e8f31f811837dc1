// Transport options assembled in a variable (event store, session callbacks) with no DNS rebinding protection — Streamable HTTP transport: "Servers MUST validate the Origin header on all incoming connections"
import express from 'express';
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import {
  StreamableHTTPServerTransport,
  type StreamableHTTPServerTransportOptions,
} from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { InMemoryEventStore } from './event-store.js';

const app = express();
app.use(express.json());
const live = new Map<string, StreamableHTTPServerTransport>();

function transportOptions(): StreamableHTTPServerTransportOptions {
  return {
    sessionIdGenerator: () => randomUUID(),
    eventStore: new InMemoryEventStore(),
    onsessioninitialized: (id) => console.log(`session ${id} started`),
  };
}

app.post('/mcp', async (req, res) => {
  const sid = req.header('mcp-session-id');
  if (sid && live.has(sid)) {
    await live.get(sid)!.handleRequest(req, res, req.body);
    return;
  }
  const options = transportOptions();
  // held-out: dns-rebinding-unprotected
  const transport = new StreamableHTTPServerTransport(options);
  transport.onclose = () => transport.sessionId && live.delete(transport.sessionId);
  const server = new McpServer({ name: 'kanban', version: '0.6.2' });
  server.tool('list_boards', {}, async () => ({ content: [{ type: 'text', text: '[]' }] }));
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
  if (transport.sessionId) live.set(transport.sessionId, transport);
});

app.listen(process.env.PORT ? Number(process.env.PORT) : 4711);
