// held-out: clean — Array.prototype.includes on the registered list is an exact string match of the whole redirect_uri, not a substring search.
// ESM Fastify /authorize endpoint of an MCP authorization server.
import { randomBytes } from 'node:crypto';

export default async function authorizeRoutes(fastify) {
  fastify.get('/authorize', async (request, reply) => {
    const { client_id: clientId, redirect_uri: redirectUri, state, code_challenge: challenge } = request.query;
    const client = await fastify.clients.get(clientId);
    if (!client) {
      return reply.code(400).send({ error: 'invalid_client' });
    }
    if (!client.redirect_uris.includes(redirectUri)) {
      return reply.code(400).send({ error: 'invalid_request', error_description: 'redirect_uri must exactly match a registered value' });
    }
    if (!challenge) {
      return reply.code(400).send({ error: 'invalid_request', error_description: 'PKCE required' });
    }
    const code = randomBytes(32).toString('base64url');
    await fastify.codes.put(code, { clientId, redirectUri, challenge });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    if (state) back.searchParams.set('state', state);
    return reply.redirect(back.href);
  });
}
