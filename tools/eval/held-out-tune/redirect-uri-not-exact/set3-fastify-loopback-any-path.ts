// Fastify authorization endpoint that waves through any loopback redirect_uri (any scheme, path or registration) — RFC 8252 §7.3 allows only the port of a registered loopback URI to vary; security considerations: "validate exact redirect URIs against pre-registered values"
import Fastify from 'fastify';
import { randomBytes } from 'node:crypto';
import { clientStore, codeStore } from './stores.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function redirectIsAcceptable(redirectUri: string, registered: string[]): boolean {
  const url = new URL(redirectUri);
  // held-out: redirect-uri-not-exact
  if (LOOPBACK_HOSTS.has(url.hostname)) return true;
  return registered.includes(redirectUri);
}

const app = Fastify();

app.get<{ Querystring: Record<string, string> }>('/authorize', async (request, reply) => {
  const { client_id, redirect_uri, state, code_challenge } = request.query;
  const client = await clientStore.get(client_id);
  if (!client) return reply.code(400).send({ error: 'invalid_client' });
  if (!redirect_uri || !redirectIsAcceptable(redirect_uri, client.redirect_uris)) {
    return reply.code(400).send({ error: 'invalid_request', error_description: 'redirect_uri' });
  }
  const code = randomBytes(32).toString('base64url');
  await codeStore.put(code, { client_id, redirect_uri, code_challenge, expires: Date.now() + 60_000 });
  const target = new URL(redirect_uri);
  target.searchParams.set('code', code);
  if (state) target.searchParams.set('state', state);
  return reply.redirect(target.toString());
});

await app.listen({ port: 3400 });
