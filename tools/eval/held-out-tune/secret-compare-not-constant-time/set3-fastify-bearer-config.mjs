// Fastify MCP server with an onRequest hook comparing the Authorization header with "Bearer " + configured token by !== (CWE-208)
import Fastify from 'fastify';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { loadConfig } from './config.mjs';

const config = await loadConfig();
const fastify = Fastify({ logger: { level: config.logLevel } });

fastify.addHook('onRequest', async (request, reply) => {
  if (request.routeOptions.url === '/healthz') return;
  const expected = 'Bearer ' + config.auth.token;
  // held-out: secret-compare-not-constant-time
  if (request.headers.authorization !== expected) {
    return reply.code(401).header('WWW-Authenticate', 'Bearer').send({ error: 'unauthorized' });
  }
});

fastify.get('/healthz', async () => ({ ok: true }));

fastify.post('/mcp', async (request, reply) => {
  const server = new McpServer({ name: 'k8s-inspector', version: '0.5.0' });
  server.tool('pods', 'List pods in the default namespace', async () => ({ content: [{ type: 'text', text: '[]' }] }));
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(request.raw, reply.raw, request.body);
  return reply;
});

await fastify.listen({ port: config.port, host: config.host });
