// held-out: clean — the API key is compared with crypto.timingSafeEqual after an explicit length check on equal-length Buffers.
// ESM Fastify hook of an MCP server protected by a static API key.
import { timingSafeEqual } from 'node:crypto';

const expected = Buffer.from(process.env.MCP_API_KEY ?? '', 'utf8');

function keyMatches(candidate) {
  const given = Buffer.from(candidate ?? '', 'utf8');
  if (expected.length === 0 || given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}

export default async function apiKeyGuard(fastify) {
  fastify.addHook('onRequest', async (request, reply) => {
    if (!keyMatches(request.headers['x-api-key'])) {
      return reply.code(401).send({ error: 'unauthorized' });
    }
  });
}
