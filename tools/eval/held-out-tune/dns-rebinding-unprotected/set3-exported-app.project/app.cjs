// Express app module exporting the MCP routes; its SSE transport has no Origin/Host validation — HTTP+SSE transport: "Servers MUST validate the Origin header on all incoming connections"
'use strict';
const express = require('express');
const { SSEServerTransport } = require('@modelcontextprotocol/sdk/server/sse.js');
const { createMcpServer } = require('./mcp.cjs');

function createApp() {
  const app = express();
  const transports = new Map();

  app.get('/sse', async (req, res) => {
    // held-out: dns-rebinding-unprotected
    const transport = new SSEServerTransport('/message', res);
    transports.set(transport.sessionId, transport);
    res.on('close', () => transports.delete(transport.sessionId));
    await createMcpServer().connect(transport);
  });

  app.post('/message', async (req, res) => {
    const transport = transports.get(req.query.sessionId);
    if (!transport) return res.status(404).send('Session not found');
    await transport.handlePostMessage(req, res);
  });

  return app;
}

module.exports = { createApp };
