// Fastify preHandler that verifies access tokens against the IdP's public key with only an algorithm pin — AUTH audience validation MUST.
import Fastify from 'fastify';
import jwt from 'jsonwebtoken';
import { readFileSync } from 'node:fs';

const publicKey = readFileSync(process.env.IDP_PUBLIC_KEY_PATH ?? '/etc/mcp/idp.pem', 'utf8');
const app = Fastify();

app.addHook('preHandler', async (request, reply) => {
  if (!request.url.startsWith('/mcp')) return;
  const accessToken = request.headers.authorization?.replace('Bearer ', '');
  if (!accessToken) return reply.code(401).send({ error: 'missing token' });
  try {
    // held-out: token-audience-not-validated
    const claims = jwt.verify(accessToken, publicKey, { algorithms: ['RS256', 'ES256'] }) as jwt.JwtPayload;
    request.headers['x-user'] = String(claims.sub);
  } catch (error) {
    return reply.code(401).send({ error: 'invalid token' });
  }
});

app.post('/mcp', async (request) => ({ ok: true, user: request.headers['x-user'] }));
await app.listen({ port: 3001 });
