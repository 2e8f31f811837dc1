// Hono app on @hono/node-server with the web-standard Streamable HTTP transport and no Origin check — Streamable HTTP Origin MUST.
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { registerClipboardTools } from './clipboard.js';

const app = new Hono();

app.all('/mcp', async (c) => {
  const server = new McpServer({ name: 'clipboard', version: '1.1.0' });
  registerClipboardTools(server);
  // held-out: dns-rebinding-unprotected
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  return transport.handleRequest(c.req.raw);
});

serve({ fetch: app.fetch, port: 3456 });
