// held-out: clean — a Hono middleware checks both the Host and the Origin header against loopback values before the MCP route
// Hono + @hono/node-server MCP server with WebStandardStreamableHTTPServerTransport behind a hand-written guard
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const PORT = 3457;
const LOCAL_HOSTS = [`localhost:${PORT}`, `127.0.0.1:${PORT}`, `[::1]:${PORT}`];

const app = new Hono();

app.use('/mcp', async (c, next) => {
  const host = c.req.header('host') ?? '';
  const origin = c.req.header('origin');
  if (!LOCAL_HOSTS.includes(host)) {
    return c.json({ error: 'invalid host' }, 403);
  }
  if (origin !== undefined && !LOCAL_HOSTS.some((h) => origin === `http://${h}`)) {
    return c.json({ error: 'invalid origin' }, 403);
  }
  await next();
});

app.all('/mcp', async (c) => {
  const server = new McpServer({ name: 'screenshot', version: '0.1.1' });
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  return transport.handleRequest(c.req.raw);
});

serve({ fetch: app.fetch, port: PORT, hostname: '127.0.0.1' });
