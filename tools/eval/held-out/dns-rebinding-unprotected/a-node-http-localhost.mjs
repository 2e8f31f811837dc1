// dns-rebinding-unprotected: a plain node:http server on localhost feeds every request to the Streamable HTTP transport without checking Host or Origin — Streamable HTTP "Servers MUST validate the Origin header on all incoming connections"
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const mcp = new McpServer({ name: 'shell-helper', version: '0.1.0' });
mcp.tool('whoami', async () => ({ content: [{ type: 'text', text: process.env.USER ?? 'unknown' }] }));

// held-out: dns-rebinding-unprotected
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: randomUUID });
await mcp.connect(transport);

createServer(async (req, res) => {
  if (!req.url?.startsWith('/mcp')) {
    res.writeHead(404).end();
    return;
  }
  await transport.handleRequest(req, res);
}).listen(6277, 'localhost');
