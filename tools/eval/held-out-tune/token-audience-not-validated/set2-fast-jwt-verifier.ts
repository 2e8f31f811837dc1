// Fastify MCP server verifying bearer tokens with fast-jwt's createVerifier (key from get-jwks), checking issuer and algorithm but no allowed audience — MCP 2026-07-28 security considerations, token audience binding and validation.
import Fastify from 'fastify';
import { createVerifier } from 'fast-jwt';
import buildGetJwks from 'get-jwks';

const ISSUER = 'https://id.example.net';
const getJwks = buildGetJwks({ allowedDomains: [ISSUER] });

// held-out: token-audience-not-validated
const verifyAccessToken = createVerifier({
  key: async (decoded: { header: { kid: string; alg: string } }) => getJwks.getPublicKey({ kid: decoded.header.kid, alg: decoded.header.alg, domain: ISSUER }),
  allowedIss: ISSUER,
  algorithms: ['RS256', 'ES256'],
});

const app = Fastify();

app.addHook('onRequest', async (request, reply) => {
  if (!request.url.startsWith('/mcp')) return;
  const token = request.headers.authorization?.replace(/^Bearer /i, '');
  if (!token) return reply.code(401).header('WWW-Authenticate', 'Bearer').send();
  try {
    const claims = await verifyAccessToken(token);
    request.headers['x-mcp-subject'] = claims.sub;
  } catch {
    return reply.code(401).header('WWW-Authenticate', 'Bearer error="invalid_token"').send();
  }
});

export default app;
