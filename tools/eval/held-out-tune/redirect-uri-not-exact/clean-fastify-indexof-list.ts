// held-out: clean — membership of the whole requested string in the registered list (indexOf on the array, not on the URI) is an exact match.
// Fastify authorization endpoint of an MCP server; MCP security considerations, open redirection.
import type { FastifyInstance } from 'fastify';
import { loadClient } from './clients.js';

export default async function authorize(app: FastifyInstance) {
  app.get<{ Querystring: Record<string, string | undefined> }>('/authorize', async (request, reply) => {
    const { client_id, redirect_uri, state, code_challenge, code_challenge_method } = request.query;
    const client = client_id ? await loadClient(client_id) : null;
    if (!client) return reply.code(400).send({ error: 'invalid_client' });
    const index = redirect_uri ? client.redirectUris.indexOf(redirect_uri) : -1;
    if (index === -1) {
      return reply.code(400).send({ error: 'invalid_request', error_description: 'redirect_uri must match a registered redirect URI exactly' });
    }
    if (!code_challenge || code_challenge_method !== 'S256') {
      const back = new URL(client.redirectUris[index]);
      back.searchParams.set('error', 'invalid_request');
      if (state) back.searchParams.set('state', state);
      return reply.redirect(back.href);
    }
    return reply.view('consent', { client, redirectUri: client.redirectUris[index], state, codeChallenge: code_challenge });
  });
}
