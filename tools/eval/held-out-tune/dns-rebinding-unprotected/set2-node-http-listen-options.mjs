// Plain ESM node:http server using server.listen({ port, host }) with the SSE transport and no Origin/Host check (MCP transports security warning: "Servers MUST validate the Origin header on all incoming connections to prevent DNS rebinding attacks").
import http from 'node:http';
import { URL } from 'node:url';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { z } from 'zod';
import { screenshot } from './screen.mjs';

const transports = {};

function newServer() {
  const server = new McpServer({ name: 'screen-capture', version: '0.1.4' });
  server.tool('capture', { display: z.number().int().default(0) }, async ({ display }) => ({
    content: [{ type: 'image', data: await screenshot(display), mimeType: 'image/png' }],
  }));
  return server;
}

const httpServer = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (req.method === 'GET' && url.pathname === '/sse') {
    // held-out: dns-rebinding-unprotected
    const transport = new SSEServerTransport('/messages', res, {});
    transports[transport.sessionId] = transport;
    res.on('close', () => delete transports[transport.sessionId]);
    await newServer().connect(transport);
    return;
  }
  if (req.method === 'POST' && url.pathname === '/messages') {
    const transport = transports[url.searchParams.get('sessionId') ?? ''];
    if (!transport) {
      res.writeHead(404).end('no such session');
      return;
    }
    await transport.handlePostMessage(req, res);
    return;
  }
  res.writeHead(404).end();
});

httpServer.listen({ port: 3845, host: '127.0.0.1' });
