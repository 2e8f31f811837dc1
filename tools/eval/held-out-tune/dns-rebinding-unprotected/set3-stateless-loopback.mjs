// Stateless Streamable HTTP MCP server bound to 127.0.0.1 with no Origin/Host validation — Streamable HTTP transport: "Servers MUST validate the Origin header on all incoming connections"; binding to localhost alone does not stop DNS rebinding
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

function buildServer() {
  const server = new McpServer({ name: 'shell-helper', version: '1.1.0' });
  server.tool('run', { command: z.string() }, async ({ command }) => {
    const { execSync } = await import('node:child_process');
    return { content: [{ type: 'text', text: execSync(command, { encoding: 'utf8' }) }] };
  });
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

app.get('/mcp', (_req, res) => {
  res.status(405).json({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed.' }, id: null });
});

app.listen(8123, '127.0.0.1', () => {
  console.error('shell-helper MCP listening on http://127.0.0.1:8123/mcp');
});
