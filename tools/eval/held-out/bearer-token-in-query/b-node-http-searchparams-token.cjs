// CommonJS node:http MCP server that authenticates the request by url.searchParams.get('token') — spec (authorization): "Access tokens MUST NOT be included in the URI query string."
'use strict';

const http = require('node:http');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const { buildServer } = require('./server');
const { verify } = require('./tokens');

http
  .createServer(async (req, res) => {
    const url = new URL(req.url, `http://${req.headers.host}`);
    if (url.pathname !== '/mcp') {
      res.writeHead(404).end();
      return;
    }
    // held-out: bearer-token-in-query
    const authInfo = await verify(url.searchParams.get('token'));
    if (!authInfo) {
      res.writeHead(401, { 'WWW-Authenticate': 'Bearer error="invalid_token"' }).end();
      return;
    }
    req.auth = authInfo;
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableDnsRebindingProtection: true,
      allowedHosts: ['notes.example.com'],
    });
    await buildServer().connect(transport);
    await transport.handleRequest(req, res);
  })
  .listen(8080);
