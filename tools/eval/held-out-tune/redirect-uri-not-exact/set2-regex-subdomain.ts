// Fastify authorization endpoint accepting any redirect_uri that matches a company-domain regular expression — MCP 2026-07-28 security best practices ("exact string matching (not pattern matching or wildcards)").
import type { FastifyInstance } from 'fastify';
import { nanoid } from 'nanoid';

const REDIRECT_PATTERN = /^https:\/\/([a-z0-9-]+\.)*example\.com\/.*$/;

export default async function authorizeRoute(app: FastifyInstance) {
  app.get<{ Querystring: { client_id: string; redirect_uri: string; state?: string; code_challenge: string } }>('/authorize', async (request, reply) => {
    const { client_id, redirect_uri, state, code_challenge } = request.query;
    const client = await app.db.clients.findById(client_id);
    if (!client) return reply.code(400).send({ error: 'invalid_client' });
    // held-out: redirect-uri-not-exact
    if (!REDIRECT_PATTERN.test(redirect_uri)) {
      return reply.code(400).send({ error: 'invalid_request', error_description: 'redirect_uri not allowed' });
    }
    const code = nanoid(43);
    await app.db.codes.insert({ code, client_id, redirect_uri, code_challenge, expires_at: Date.now() + 60_000 });
    return reply.redirect(`${redirect_uri}?code=${code}${state ? `&state=${encodeURIComponent(state)}` : ''}`);
  });
}
