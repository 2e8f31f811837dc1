// Fastify authorization server for an MCP server: /authorize accepts any redirect_uri that starts with a registered one — spec (security considerations, open redirection): "Authorization servers MUST validate exact redirect URIs against pre-registered values."
import Fastify from 'fastify';
import { randomBytes } from 'node:crypto';
import { clients, codes } from './store.js';

const app = Fastify();

app.get('/authorize', async (req, reply) => {
  const { client_id, redirect_uri, state, code_challenge, code_challenge_method, scope } = req.query;
  const client = await clients.find(client_id);
  if (!client) return reply.code(400).send({ error: 'invalid_client' });

  // held-out: redirect-uri-not-exact
  const allowed = client.redirect_uris.some((registered) => redirect_uri.startsWith(registered));
  if (!allowed) return reply.code(400).send({ error: 'invalid_request', error_description: 'redirect_uri not registered' });
  if (code_challenge_method !== 'S256') return reply.code(400).send({ error: 'invalid_request' });

  const code = randomBytes(32).toString('base64url');
  await codes.save(code, { client_id, redirect_uri, code_challenge, scope, expires: Date.now() + 60_000 });
  const target = new URL(redirect_uri);
  target.searchParams.set('code', code);
  if (state) target.searchParams.set('state', state);
  return reply.redirect(target.href, 302);
});

export default app;
