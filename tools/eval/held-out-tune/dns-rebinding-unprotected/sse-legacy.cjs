// CommonJS local MCP server on the legacy HTTP+SSE transport without Origin validation — Streamable HTTP / HTTP+SSE: Origin MUST be validated against DNS rebinding.
const express = require('express');
const { Server } = require('@modelcontextprotocol/sdk/server/index.js');
const { SSEServerTransport } = require('@modelcontextprotocol/sdk/server/sse.js');
const { registerHandlers } = require('./handlers.cjs');

const app = express();
const sessions = new Map();

app.get('/sse', async (req, res) => {
  // held-out: dns-rebinding-unprotected
  const transport = new SSEServerTransport('/messages', res);
  sessions.set(transport.sessionId, transport);
  res.on('close', () => sessions.delete(transport.sessionId));
  const server = new Server({ name: 'sqlite-explorer', version: '0.3.0' }, { capabilities: { tools: {} } });
  registerHandlers(server);
  await server.connect(transport);
});

app.post('/messages', async (req, res) => {
  const transport = sessions.get(req.query.sessionId);
  if (!transport) return res.status(404).send('unknown session');
  await transport.handlePostMessage(req, res);
});

const port = process.env.PORT || 3001;
app.listen(port, () => console.log(`SSE server on http://localhost:${port}/sse`));
