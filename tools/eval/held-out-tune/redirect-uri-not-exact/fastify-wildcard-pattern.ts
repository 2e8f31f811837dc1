// Fastify authorization server that lets clients register wildcard redirect URIs and matches them with a RegExp; MCP BP: "exact string matching (not pattern matching or wildcards)", RFC 9700 §4.1.3.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { clientsRepo } from '../repo/clients.js';

function escapeRegExp(s: string) {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

function matchesRegistered(pattern: string, candidate: string): boolean {
  // held-out: redirect-uri-not-exact
  const re = new RegExp('^' + escapeRegExp(pattern).replace(/\*/g, '.*') + '$');
  return re.test(candidate);
}

type AuthorizeQuery = { client_id: string; redirect_uri: string; state?: string; code_challenge: string; scope?: string };

export async function authorizeEndpoint(app: FastifyInstance) {
  app.get('/authorize', async (req: FastifyRequest<{ Querystring: AuthorizeQuery }>, reply) => {
    const { client_id, redirect_uri } = req.query;
    const client = await clientsRepo.find(client_id);
    if (!client) return reply.code(400).send({ error: 'invalid_client' });
    if (!client.redirect_uris.some((p) => matchesRegistered(p, redirect_uri))) {
      return reply.code(400).send({ error: 'invalid_request', error_description: 'redirect_uri mismatch' });
    }
    return reply.view('consent.ejs', { client, query: req.query });
  });
}
