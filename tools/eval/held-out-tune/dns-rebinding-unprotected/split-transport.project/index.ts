// held-out: clean — the unprotected transport is built in transport.ts; this file only wires it to express.
// Entry point of a local MCP server: express app listening on localhost (dns-rebinding case, see transport.ts).
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { createTransport } from './transport.js';
import { registerTools } from './tools.js';

const app = express();
app.use(express.json());

app.post('/mcp', async (req, res) => {
  const server = new McpServer({ name: 'obsidian-vault', version: '0.6.0' });
  registerTools(server);
  const transport = createTransport();
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(27124, '127.0.0.1');
