// held-out: clean — the web-standard transport is built with enableDnsRebindingProtection: true and an allowedHosts list, served on 127.0.0.1
// Hono + @hono/node-server MCP endpoint with the SDK's own Host/Origin validation switched on (MCP transports: Origin validation).
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { registerFigmaTools } from './figma.js';

const port = 3845;
const app = new Hono();

app.all('/mcp', async (c) => {
  const server = new McpServer({ name: 'figma-dev', version: '0.1.0' });
  registerFigmaTools(server);
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableDnsRebindingProtection: true,
    allowedHosts: [`127.0.0.1:${port}`, `localhost:${port}`],
    allowedOrigins: [`http://127.0.0.1:${port}`, `http://localhost:${port}`],
  });
  await server.connect(transport);
  return transport.handleRequest(c.req.raw);
});

serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
