// dns-rebinding-unprotected: a CommonJS Express server bound to 0.0.0.0 creates session transports with no Origin/Host validation — Streamable HTTP "Servers MUST validate the Origin header on all incoming connections"
'use strict';
const express = require('express');
const { randomUUID } = require('node:crypto');
const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');

const sessions = new Map();
const app = express();
app.use(express.json());

app.post('/mcp', async (req, res) => {
  const sid = req.get('mcp-session-id');
  let transport = sid && sessions.get(sid);
  if (!transport) {
    // held-out: dns-rebinding-unprotected
    transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID(), onsessioninitialized: (id) => sessions.set(id, transport) });
    transport.onclose = () => sessions.delete(transport.sessionId);
    const server = new McpServer({ name: 'db-explorer', version: '0.7.0' });
    await server.connect(transport);
  }
  await transport.handleRequest(req, res, req.body);
});

app.get('/mcp', (req, res) => {
  const t = sessions.get(req.get('mcp-session-id'));
  return t ? t.handleRequest(req, res) : res.status(400).end();
});

app.listen(5050, '0.0.0.0');
