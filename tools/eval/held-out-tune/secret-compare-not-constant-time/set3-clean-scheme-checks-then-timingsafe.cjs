// held-out: clean — the === / !== here compare the scheme, lengths and emptiness; the token itself goes through timingSafeEqual (near-miss)
// CommonJS fastify MCP server with a bearer pre-shared key
'use strict';

const fastify = require('fastify')({ logger: true });
const { timingSafeEqual } = require('node:crypto');

const expected = Buffer.from(process.env.MCP_TOKEN || '', 'utf8');

fastify.addHook('onRequest', async (request, reply) => {
  const [scheme, value] = (request.headers.authorization || '').split(' ');
  if (scheme !== 'Bearer' || value === undefined || value.length === 0) {
    return reply.code(401).header('WWW-Authenticate', 'Bearer').send({ error: 'missing token' });
  }
  const presented = Buffer.from(value, 'utf8');
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
    return reply.code(401).send({ error: 'invalid token' });
  }
});

fastify.post('/mcp', async (request) => ({ jsonrpc: '2.0', id: request.body.id, result: { content: [{ type: 'text', text: 'ok' }] } }));

fastify.listen({ port: 3000, host: '127.0.0.1' });
