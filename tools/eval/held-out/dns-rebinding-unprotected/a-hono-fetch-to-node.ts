// dns-rebinding-unprotected: Hono on @hono/node-server bridges to StreamableHTTPServerTransport via fetch-to-node, bound to 127.0.0.1, with no Host/Origin validation — Streamable HTTP "Servers MUST validate the Origin header on all incoming connections"
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { toFetchResponse, toReqRes } from 'fetch-to-node';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const app = new Hono();

app.post('/mcp', async (c) => {
  const { req, res } = toReqRes(c.req.raw);
  const server = new McpServer({ name: 'clipboard', version: '0.2.0' });
  server.tool('paste', async () => ({ content: [{ type: 'text', text: 'clipboard text' }] }));
  // held-out: dns-rebinding-unprotected
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, await c.req.json());
  return toFetchResponse(res);
});

serve({ fetch: app.fetch, port: 3333, hostname: '127.0.0.1' });
