// held-out: clean — the SSE transport is created with enableDnsRebindingProtection: true and allowedHosts/allowedOrigins for the local port
// CommonJS express server on the legacy HTTP+SSE transport, protected as the SDK documents.
const express = require('express');
const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { SSEServerTransport } = require('@modelcontextprotocol/sdk/server/sse.js');
const { registerWeatherTools } = require('./weather');

const PORT = 3999;
const app = express();
const live = {};

app.get('/sse', async (req, res) => {
  const transport = new SSEServerTransport('/messages', res, {
    enableDnsRebindingProtection: true,
    allowedHosts: ['localhost:' + PORT, '127.0.0.1:' + PORT],
    allowedOrigins: ['http://localhost:' + PORT],
  });
  live[transport.sessionId] = transport;
  res.on('close', () => delete live[transport.sessionId]);
  const server = new McpServer({ name: 'weather', version: '1.0.0' });
  registerWeatherTools(server);
  await server.connect(transport);
});

app.post('/messages', async (req, res) => {
  const transport = live[req.query.sessionId];
  if (!transport) return res.status(404).end();
  await transport.handlePostMessage(req, res);
});

app.listen(PORT, '127.0.0.1');
