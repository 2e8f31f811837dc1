// held-out: clean — all /mcp traffic goes through guard.ts (Host and Origin allow-lists, 403 otherwise) and the server binds to 127.0.0.1
// Hono + @hono/node-server bridge to the SDK's Streamable HTTP transport (Streamable HTTP: validate Origin; bind to localhost).
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { toFetchResponse, toReqRes } from 'fetch-to-node';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { rebindingGuard } from './guard.js';

const PORT = 3777;
const app = new Hono();
app.use('/mcp', rebindingGuard(PORT));

app.post('/mcp', async (c) => {
  const { req, res } = toReqRes(c.req.raw);
  const server = new McpServer({ name: 'music-control', version: '0.1.0' });
  server.tool('pause', async () => ({ content: [{ type: 'text', text: 'paused' }] }));
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, await c.req.json());
  return toFetchResponse(res);
});

serve({ fetch: app.fetch, port: PORT, hostname: '127.0.0.1' });
