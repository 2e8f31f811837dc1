// express + cors({ origin: '*' }) in front of the Streamable HTTP transport: CORS headers let any page read responses and validate nothing (MCP transports: "Servers MUST validate the Origin header on all incoming connections"; "If the Origin header is present and invalid, servers MUST respond with HTTP 403 Forbidden").
import express from 'express';
import cors from 'cors';
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { registerObsidianTools } from './obsidian.js';

const app = express();
app.use(cors({ origin: '*', exposedHeaders: ['Mcp-Session-Id'], allowedHeaders: ['Content-Type', 'mcp-session-id', 'mcp-protocol-version'] }));
app.use(express.json());

const byId = new Map<string, StreamableHTTPServerTransport>();

app.all('/mcp', async (req, res) => {
  const id = req.get('mcp-session-id');
  if (id && byId.has(id)) {
    await byId.get(id)!.handleRequest(req, res, req.body);
    return;
  }
  // held-out: dns-rebinding-unprotected
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: randomUUID, onsessioninitialized: (sid) => byId.set(sid, transport) });
  const server = new McpServer({ name: 'obsidian-vault', version: '0.8.0' });
  registerObsidianTools(server, process.env.VAULT_PATH ?? '.');
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(27124, 'localhost');
