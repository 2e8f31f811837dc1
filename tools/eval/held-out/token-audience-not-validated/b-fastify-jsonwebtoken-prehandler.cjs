// CommonJS Fastify MCP server whose preHandler verifies RS256 access tokens with jsonwebtoken but passes no audience — spec (authorization): "MCP servers MUST validate that access tokens were issued specifically for them as the intended audience."
'use strict';

const fs = require('node:fs');
const jwt = require('jsonwebtoken');
const Fastify = require('fastify');

const PUBLIC_KEY = fs.readFileSync(process.env.IDP_PUBLIC_KEY_PATH || './idp-public.pem');
const ISSUER = process.env.IDP_ISSUER || 'https://idp.example.org';

const app = Fastify();

app.decorateRequest('principal', null);

app.addHook('preHandler', (request, reply, done) => {
  const h = request.headers.authorization;
  if (!h || !h.startsWith('Bearer ')) {
    reply.code(401).header('WWW-Authenticate', 'Bearer resource_metadata="https://kb-mcp.example.org/.well-known/oauth-protected-resource"').send();
    return;
  }
  try {
    // held-out: token-audience-not-validated
    request.principal = jwt.verify(h.slice(7), PUBLIC_KEY, { algorithms: ['RS256'], issuer: ISSUER });
    done();
  } catch (e) {
    reply.code(401).send({ error: 'invalid_token', error_description: e.message });
  }
});

app.post('/mcp', async (request) => {
  const { id } = request.body;
  return { jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: `hello ${request.principal.sub}` }] } };
});

module.exports = app;
