// held-out: clean — every request's Origin (when present) must be in an allowlist and the Host must be a loopback name, checked before the transport sees the request.
// CommonJS node:http MCP server on localhost with its own Origin/Host validation.
'use strict';

const http = require('node:http');
const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const { registerTimerTools } = require('./timers');

const PORT = 5151;
const ALLOWED_ORIGINS = new Set([`http://localhost:${PORT}`, 'vscode-webview://mcp-panel']);
const ALLOWED_HOSTS = new Set([`localhost:${PORT}`, `127.0.0.1:${PORT}`]);

function originAllowed(req) {
  const origin = req.headers.origin;
  if (origin !== undefined && !ALLOWED_ORIGINS.has(origin)) return false;
  return ALLOWED_HOSTS.has(req.headers.host || '');
}

http
  .createServer(async (req, res) => {
    if (!originAllowed(req)) {
      res.writeHead(403, { 'Content-Type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message: 'Forbidden origin' }, id: null }));
      return;
    }
    const server = new McpServer({ name: 'timers', version: '1.0.0' });
    registerTimerTools(server);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await server.connect(transport);
    await transport.handleRequest(req, res);
  })
  .listen(PORT, 'localhost');
