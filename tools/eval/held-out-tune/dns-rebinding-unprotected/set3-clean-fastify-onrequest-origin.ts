// held-out: clean — a Fastify onRequest hook rejects requests whose Origin is not the local UI, before the MCP route runs
// Fastify MCP server with a stateless StreamableHTTPServerTransport and an Origin allow-list hook
import Fastify from 'fastify';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const PORT = 3334;
const allowedOrigins = new Set([`http://localhost:${PORT}`, 'http://localhost:6274']);
const allowedHosts = new Set([`localhost:${PORT}`, `127.0.0.1:${PORT}`]);
const fastify = Fastify();

fastify.addHook('onRequest', async (request, reply) => {
  const origin = request.headers.origin;
  if (!allowedHosts.has(request.headers.host ?? '')) {
    return reply.code(403).send({ error: 'host not allowed' });
  }
  if (origin && !allowedOrigins.has(origin)) {
    return reply.code(403).send({ error: 'origin not allowed' });
  }
});

fastify.post('/mcp', async (request, reply) => {
  const server = new McpServer({ name: 'redis-local', version: '0.3.0' });
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  reply.raw.on('close', () => void transport.close());
  await server.connect(transport);
  await transport.handleRequest(request.raw, reply.raw, request.body);
  return reply.hijack();
});

await fastify.listen({ port: PORT, host: '127.0.0.1' });
