// Local Express MCP server with a stateless Streamable HTTP transport and no Origin/Host check — Streamable HTTP: "Servers MUST validate the Origin header on all incoming connections".
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { readFile } from 'node:fs/promises';

function buildServer() {
  const server = new McpServer({ name: 'local-notes', version: '0.2.0' });
  server.tool('read_note', { name: z.string() }, async ({ name }) => ({
    content: [{ type: 'text', text: await readFile(`${process.env.HOME}/notes/${name}.md`, 'utf8') }],
  }));
  return server;
}

const app = express();
app.use(express.json());

app.post('/mcp', async (req, res) => {
  const server = buildServer();
  // held-out: dns-rebinding-unprotected
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => {
    transport.close();
    server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(3000, () => console.error('local-notes MCP on http://localhost:3000/mcp'));
