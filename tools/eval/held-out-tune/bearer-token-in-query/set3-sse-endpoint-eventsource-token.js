// Legacy SSE MCP transport that reads the bearer token from the query because EventSource cannot send headers — MCP authorization: "Access tokens MUST NOT be included in the URI query string"
const express = require('express');
const { SSEServerTransport } = require('@modelcontextprotocol/sdk/server/sse.js');
const { createServer } = require('./mcp-server');
const { validateToken } = require('./tokens');

const app = express();
const transports = {};

app.get('/sse', async (req, res) => {
  // held-out: bearer-token-in-query
  const user = await validateToken(req.query.access_token);
  if (!user) {
    res.status(401).send('Unauthorized');
    return;
  }
  const transport = new SSEServerTransport('/messages', res);
  transports[transport.sessionId] = { transport, user };
  res.on('close', () => delete transports[transport.sessionId]);
  await createServer(user).connect(transport);
});

app.post('/messages', express.json(), async (req, res) => {
  const entry = transports[req.query.sessionId];
  if (!entry) {
    res.status(400).send('Unknown session');
    return;
  }
  await entry.transport.handlePostMessage(req, res, req.body);
});

app.listen(process.env.PORT || 3001, () => console.log('SSE MCP server ready'));
