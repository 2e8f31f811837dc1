// held-out: clean — the SDK's hostHeaderValidation middleware restricts the Host header to the names the server is reached by
// CommonJS MCP server on every interface inside a LAN, guarded by hostHeaderValidation with an explicit host list
'use strict';
const express = require('express');
const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const { hostHeaderValidation } = require('@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js');

const allowedHostnames = (process.env.MCP_ALLOWED_HOSTS || 'localhost,127.0.0.1,nas.local').split(',');

const app = express();
app.use(hostHeaderValidation(allowedHostnames));
app.use(express.json());

app.post('/mcp', async (req, res) => {
  const server = new McpServer({ name: 'nas-files', version: '0.4.0' });
  server.tool('df', {}, async () => ({ content: [{ type: 'text', text: 'ok' }] }));
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => {
    transport.close();
    server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(Number(process.env.PORT) || 8765, '0.0.0.0', () => {
  console.log('nas-files MCP listening');
});
