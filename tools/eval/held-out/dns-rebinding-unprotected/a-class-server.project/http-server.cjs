// dns-rebinding-unprotected: a reusable CommonJS wrapper class serves MCP on 127.0.0.1 over node:http with an unprotected Streamable HTTP transport — Streamable HTTP "Servers MUST validate the Origin header on all incoming connections"
'use strict';
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');

class McpHttpServer {
  constructor(mcpServer, { port = 7777, host = '127.0.0.1' } = {}) {
    this.mcpServer = mcpServer;
    this.port = port;
    this.host = host;
  }

  async start() {
    // held-out: dns-rebinding-unprotected
    this.transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID() });
    await this.mcpServer.connect(this.transport);
    this.http = http.createServer((req, res) => {
      if (new URL(req.url, 'http://x').pathname !== '/mcp') {
        res.statusCode = 404;
        return res.end();
      }
      this.transport.handleRequest(req, res).catch(() => {
        res.statusCode = 500;
        res.end();
      });
    });
    await new Promise((resolve) => this.http.listen(this.port, this.host, resolve));
  }
}

module.exports = { McpHttpServer };
