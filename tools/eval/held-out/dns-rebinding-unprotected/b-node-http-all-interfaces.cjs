// CommonJS node:http MCP server listening on all interfaces; its Streamable HTTP transport has no allowedHosts/allowedOrigins and nothing checks Origin — spec (Streamable HTTP): "Servers MUST validate the Origin header on all incoming connections."
'use strict';

const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const { registerShellTools } = require('./shell-tools');

const mcp = new McpServer({ name: 'devbox-shell', version: '1.2.0' });
registerShellTools(mcp);

// held-out: dns-rebinding-unprotected
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID() });
const ready = mcp.connect(transport);

const server = http.createServer(async (req, res) => {
  if (!req.url.startsWith('/mcp')) {
    res.writeHead(404).end();
    return;
  }
  await ready;
  await transport.handleRequest(req, res);
});

server.listen(process.env.PORT || 8765);
