// held-out: clean — the transport enables DNS-rebinding protection with explicit allowedHosts and allowedOrigins, so requests with a foreign Host or Origin are refused.
// ESM Fastify MCP server for local desktop use, bound to 127.0.0.1.
import Fastify from 'fastify';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { registerCalendarTools } from './calendar.js';

const PORT = 3456;
const app = Fastify();

app.post('/mcp', async (request, reply) => {
  const server = new McpServer({ name: 'local-calendar', version: '2.0.0' });
  registerCalendarTools(server);
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableDnsRebindingProtection: true,
    allowedHosts: [`127.0.0.1:${PORT}`, `localhost:${PORT}`],
    allowedOrigins: [`http://127.0.0.1:${PORT}`, `http://localhost:${PORT}`],
  });
  reply.hijack();
  await server.connect(transport);
  await transport.handleRequest(request.raw, reply.raw, request.body);
});

await app.listen({ port: PORT, host: '127.0.0.1' });
