// Local MCP server whose transport takes its options from config.ts, where no rebinding protection is set, and which checks no Origin/Host (MCP transports: "Servers MUST validate the Origin header on all incoming connections").
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { HTTP_HOST, HTTP_PORT, transportOptions } from './config.js';
import { registerTools } from './tools.js';

const live = new Map<string, StreamableHTTPServerTransport>();
const app = express();
app.use(express.json());

app.post('/mcp', async (req, res) => {
  const known = live.get(req.get('mcp-session-id') ?? '');
  if (known) return known.handleRequest(req, res, req.body);

  // held-out: dns-rebinding-unprotected
  const transport = new StreamableHTTPServerTransport({ ...transportOptions, onsessioninitialized: (id) => live.set(id, transport) });
  const server = new McpServer({ name: 'postgres-local', version: '1.0.0' });
  registerTools(server);
  await server.connect(transport);
  return transport.handleRequest(req, res, req.body);
});

app.listen(HTTP_PORT, HTTP_HOST);
