// Hono app served by @hono/node-server with the web-standard Streamable HTTP transport and no Host/Origin check (MCP transports: "MUST validate the Origin header on all incoming connections to prevent DNS rebinding attacks").
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { z } from 'zod';
import { readClipboard } from './clipboard.js';

const app = new Hono();

app.all('/mcp', async (c) => {
  const server = new McpServer({ name: 'clipboard', version: '0.3.0' });
  server.tool('read_clipboard', {}, async () => ({ content: [{ type: 'text', text: await readClipboard() }] }));
  server.tool('echo', { text: z.string() }, async ({ text }) => ({ content: [{ type: 'text', text }] }));

  // held-out: dns-rebinding-unprotected
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  return transport.handleRequest(c.req.raw);
});

app.get('/healthz', (c) => c.text('ok'));

serve({ fetch: app.fetch, port: 4111 }, (info) => {
  console.log(`clipboard MCP on http://localhost:${info.port}/mcp`);
});
