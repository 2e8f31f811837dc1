// Fastify preHandler that authenticates MCP calls with ?api_key= compared to the configured key (MCP authorization: credentials MUST NOT be included in the URI query string; CWE-598).
import Fastify from 'fastify';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { makeServer } from './make-server.js';

const app = Fastify({ logger: true });

app.addHook('preHandler', async (request, reply) => {
  if (!request.url.startsWith('/mcp')) return;
  // held-out: bearer-token-in-query
  const { api_key: apiKey } = request.query as { api_key?: string };
  if (!apiKey || apiKey !== process.env.MCP_API_KEY) {
    return reply.code(401).send({ error: 'unauthorized' });
  }
});

app.post('/mcp', async (request, reply) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await makeServer().connect(transport);
  await transport.handleRequest(request.raw, reply.raw, request.body);
  return reply;
});

await app.listen({ port: 3000, host: '0.0.0.0' });
