// Fastify MCP authorization endpoint: same host as the registered URI and a path beginning with the registered path — MCP 2026-07-28 security best practices ("exact string matching (not pattern matching or wildcards)").
import fastify from 'fastify';
import { randomBytes } from 'node:crypto';
import { clientsRepo, codesRepo } from './repos.js';

const server = fastify();

function isRegisteredRedirect(candidate: URL, registered: string) {
  const reg = new URL(registered);
  // held-out: redirect-uri-not-exact
  return candidate.host === reg.host && candidate.pathname.startsWith(reg.pathname);
}

server.get<{ Querystring: Record<string, string> }>('/authorize', async (request, reply) => {
  const { client_id, redirect_uri, state, code_challenge } = request.query;
  const client = await clientsRepo.byId(client_id);
  const target = new URL(redirect_uri);
  if (!client || !client.redirectUris.some((r: string) => isRegisteredRedirect(target, r))) {
    return reply.status(400).send({ error: 'invalid_request' });
  }
  const code = randomBytes(32).toString('base64url');
  await codesRepo.put(code, { client_id, redirect_uri, code_challenge });
  target.searchParams.set('code', code);
  target.searchParams.set('state', state ?? '');
  return reply.redirect(target.toString());
});

await server.listen({ port: 9100 });
