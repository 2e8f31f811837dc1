// Fastify preHandler (JS) rejecting MCP requests whose x-mcp-key differs from the configured key, compared with != (CWE-208).
import Fastify from 'fastify';
import { mcpRoutes } from './routes.js';

const fastify = Fastify();
const MCP_KEY = process.env.MCP_KEY;

fastify.addHook('preHandler', async (request, reply) => {
  if (!request.routeOptions.url?.startsWith('/mcp')) return;
  // held-out: secret-compare-not-constant-time
  if (request.headers['x-mcp-key'] != MCP_KEY) {
    reply.code(403).send({ message: 'Forbidden' });
  }
});

fastify.register(mcpRoutes);
fastify.listen({ port: 3000 });
