// dns-rebinding-unprotected: a session-based Streamable HTTP server on 127.0.0.1 creates its transports without Host/Origin validation — Streamable HTTP "Servers MUST validate the Origin header on all incoming connections to prevent DNS rebinding attacks"
import express from 'express';
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

const transports: Record<string, StreamableHTTPServerTransport> = {};

function buildServer() {
  const server = new McpServer({ name: 'local-files', version: '0.5.0' });
  server.registerTool('read_note', { inputSchema: { name: z.string() } }, async ({ name }) => ({
    content: [{ type: 'text', text: `contents of ${name}` }],
  }));
  return server;
}

const app = express();
app.use(express.json());

app.post('/mcp', async (req, res) => {
  const sessionId = req.headers['mcp-session-id'] as string | undefined;
  let transport = sessionId ? transports[sessionId] : undefined;
  if (!transport && isInitializeRequest(req.body)) {
    // held-out: dns-rebinding-unprotected
    transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        transports[id] = transport!;
      },
    });
    await buildServer().connect(transport);
  }
  if (!transport) return res.status(400).json({ jsonrpc: '2.0', error: { code: -32000, message: 'No valid session' }, id: null });
  await transport.handleRequest(req, res, req.body);
});

app.listen(3000, '127.0.0.1', () => console.error('MCP on http://127.0.0.1:3000/mcp'));
