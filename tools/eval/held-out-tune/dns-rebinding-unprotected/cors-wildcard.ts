// Express MCP server that adds permissive CORS (origin "*") instead of validating Origin, unprotected transport, local port — Streamable HTTP: Origin MUST be validated (and 403 when invalid).
import express from 'express';
import cors from 'cors';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { registerFileTools } from './files.js';

const app = express();
app.use(cors({ origin: '*', exposedHeaders: ['Mcp-Session-Id'], allowedHeaders: ['Content-Type', 'mcp-session-id'] }));
app.use(express.json());

app.post('/mcp', async (req, res) => {
  const server = new McpServer({ name: 'fs-mcp', version: '1.4.2' });
  registerFileTools(server, process.cwd());
  // held-out: dns-rebinding-unprotected
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(Number(process.env.PORT ?? 3333));
