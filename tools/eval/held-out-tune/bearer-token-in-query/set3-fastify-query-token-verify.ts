// Fastify MCP route that verifies request.query.token with jsonwebtoken — MCP authorization: "Access tokens MUST NOT be included in the URI query string"
import Fastify, { type FastifyRequest } from 'fastify';
import jwt from 'jsonwebtoken';

interface McpQuery {
  token?: string;
  sessionId?: string;
}

const fastify = Fastify({ logger: true });
const JWT_KEY = process.env.MCP_JWT_KEY ?? '';

fastify.addHook('preHandler', async (request: FastifyRequest<{ Querystring: McpQuery }>, reply) => {
  if (!request.url.startsWith('/mcp')) return;
  const q = request.query;
  if (!q.token) {
    return reply.code(401).send({ error: 'token required' });
  }
  try {
    // held-out: bearer-token-in-query
    const claims = jwt.verify(q.token, JWT_KEY, { audience: 'https://tools.example.net/mcp' });
    (request as any).claims = claims;
  } catch {
    return reply.code(401).send({ error: 'invalid_token' });
  }
});

fastify.post('/mcp', async (request) => {
  const body = request.body as { id: number; method: string };
  return { jsonrpc: '2.0', id: body.id, result: {} };
});

fastify.listen({ port: 3000, host: '127.0.0.1' });
