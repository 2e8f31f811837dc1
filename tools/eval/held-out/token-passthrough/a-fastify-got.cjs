// token-passthrough: a Fastify MCP bridge hands request.headers.authorization to got for the downstream CRM call — SEC "The MCP server MUST NOT pass through the token it received from the MCP client."
'use strict';
const fastify = require('fastify')({ logger: true });
const got = require('got');

const CRM_BASE = process.env.CRM_BASE || 'https://crm.example.net';

async function fetchContact(id, authHeader) {
  return got(`${CRM_BASE}/contacts/${encodeURIComponent(id)}`, {
    // held-out: token-passthrough
    headers: { authorization: authHeader },
    responseType: 'json',
  }).then((r) => r.body);
}

fastify.post('/tools/get_contact', async (request, reply) => {
  const authHeader = request.headers.authorization;
  if (!authHeader) {
    return reply.code(401).send({ error: 'missing token' });
  }
  const contact = await fetchContact(request.body.id, authHeader);
  return { content: [{ type: 'text', text: JSON.stringify(contact) }] };
});

fastify.listen({ port: 7070, host: '127.0.0.1' });
