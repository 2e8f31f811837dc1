// Fastify preHandler of an MCP server accepting any of several configured API keys, matched with Array.some and ===; CWE-208.
import type { FastifyInstance } from 'fastify';

const apiKeys = (process.env.MCP_API_KEYS ?? '').split(',').map((k) => k.trim()).filter(Boolean);

export async function apiKeyAuth(app: FastifyInstance) {
  app.addHook('preHandler', async (request, reply) => {
    const presented = request.headers['x-api-key'];
    if (typeof presented !== 'string') return reply.code(401).send({ error: 'missing api key' });
    // held-out: secret-compare-not-constant-time
    const known = apiKeys.some((apiKey) => apiKey === presented);
    if (!known) return reply.code(401).send({ error: 'invalid api key' });
  });
}
