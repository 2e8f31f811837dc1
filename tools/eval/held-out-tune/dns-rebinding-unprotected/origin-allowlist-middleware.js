// held-out: clean — every request's Origin is checked against an allow-list and rejected with 403, as the spec prescribes.
// Local Express MCP server with its own Origin validation middleware — Streamable HTTP: "If the Origin header is present and invalid, servers MUST respond with HTTP 403 Forbidden".
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { registerTools } from './tools.js';

const ALLOWED_ORIGINS = new Set(['http://localhost:6274', 'http://127.0.0.1:6274']);

const app = express();
app.use(express.json());
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && !ALLOWED_ORIGINS.has(origin)) {
    res.status(403).json({ error: 'Forbidden origin' });
    return;
  }
  next();
});

app.post('/mcp', async (req, res) => {
  const server = new McpServer({ name: 'kubectl-local', version: '0.9.0' });
  registerTools(server);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(8811, '127.0.0.1');
