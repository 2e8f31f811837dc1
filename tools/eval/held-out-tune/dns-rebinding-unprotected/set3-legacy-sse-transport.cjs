// Legacy HTTP+SSE MCP server (SSEServerTransport) on all interfaces with no Origin/Host check — Streamable HTTP / HTTP+SSE transport: "Servers MUST validate the Origin header on all incoming connections"
'use strict';
const express = require('express');
const { Server } = require('@modelcontextprotocol/sdk/server/index.js');
const { SSEServerTransport } = require('@modelcontextprotocol/sdk/server/sse.js');
const { ListToolsRequestSchema, CallToolRequestSchema } = require('@modelcontextprotocol/sdk/types.js');
const db = require('./db');

const server = new Server({ name: 'sqlite-mcp', version: '0.2.1' }, { capabilities: { tools: {} } });
server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: [{ name: 'query', inputSchema: { type: 'object' } }] }));
server.setRequestHandler(CallToolRequestSchema, async (request) => ({
  content: [{ type: 'text', text: JSON.stringify(db.all(request.params.arguments.sql)) }],
}));

const app = express();
let transport = null;

app.get('/sse', async (req, res) => {
  // held-out: dns-rebinding-unprotected
  transport = new SSEServerTransport('/messages', res);
  await server.connect(transport);
});

app.post('/messages', async (req, res) => {
  if (!transport) {
    res.status(503).send('No SSE connection');
    return;
  }
  await transport.handlePostMessage(req, res);
});

const PORT = process.env.PORT || 3001;
app.listen(PORT);
console.log(`sqlite-mcp SSE server listening on ${PORT}`);
