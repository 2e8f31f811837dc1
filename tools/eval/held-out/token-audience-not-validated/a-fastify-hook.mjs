// token-audience-not-validated: a Fastify onRequest hook accepts any token signed by the issuer's JWKS, whatever its aud — AUTH "MCP servers MUST validate that access tokens were issued specifically for them as the intended audience."
import Fastify from 'fastify';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const app = Fastify();
const JWKS = createRemoteJWKSet(new URL(process.env.JWKS_URI ?? 'https://keycloak.example.org/realms/mcp/protocol/openid-connect/certs'));

app.addHook('onRequest', async (request, reply) => {
  if (!request.url.startsWith('/mcp')) return;
  const auth = request.headers.authorization ?? '';
  if (!auth.startsWith('Bearer ')) {
    return reply.code(401).header('WWW-Authenticate', 'Bearer').send({ error: 'invalid_token' });
  }
  try {
    // held-out: token-audience-not-validated
    const { payload } = await jwtVerify(auth.slice(7), JWKS);
    request.principal = { sub: payload.sub, scope: payload.scope };
  } catch {
    return reply.code(401).send({ error: 'invalid_token' });
  }
});

app.post('/mcp', async (request) => ({ ok: true, who: request.principal.sub }));
await app.listen({ port: 8000 });
