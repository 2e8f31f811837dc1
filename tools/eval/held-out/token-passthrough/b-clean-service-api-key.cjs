// held-out: clean — the incoming token is only verified; the upstream request uses the server's own API key from its environment.
// CommonJS Fastify MCP endpoint: authenticates the MCP client, then queries the geocoding service with the server's own credential.
'use strict';

const fastify = require('fastify')({ logger: true });
const { verifyAccessToken } = require('./auth');

const GEO_KEY = process.env.GEOCODER_API_KEY;

async function geocode(address) {
  const res = await fetch('https://geocoder.example.com/v1/search', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${GEO_KEY}` },
    body: JSON.stringify({ q: address, limit: 1 }),
  });
  return res.json();
}

fastify.addHook('preHandler', async (request, reply) => {
  const authorization = request.headers.authorization || '';
  const token = authorization.startsWith('Bearer ') ? authorization.slice(7) : null;
  const info = token && (await verifyAccessToken(token));
  if (!info) {
    reply.code(401).header('WWW-Authenticate', 'Bearer resource_metadata="https://geo-mcp.example.com/.well-known/oauth-protected-resource"');
    return reply.send();
  }
  request.user = { sub: info.sub, scopes: info.scopes };
});

fastify.post('/mcp', async (request) => {
  const { id, params } = request.body;
  const hit = await geocode(params.arguments.address);
  return { jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: JSON.stringify(hit) }] } };
});

fastify.listen({ port: 3001, host: '127.0.0.1' });
