// held-out: clean — audience accepts the MCP endpoint's canonical URL in either form; a token for another resource is rejected.
// Fastify onRequest hook verifying access tokens with an audience list — AUTH audience MUST.
import type { FastifyInstance } from 'fastify';
import { createRemoteJWKSet, jwtVerify } from 'jose';

export async function authPlugin(fastify: FastifyInstance, opts: { issuer: string; publicUrl: string }) {
  const jwks = createRemoteJWKSet(new URL(`${opts.issuer}/.well-known/jwks.json`));
  fastify.addHook('onRequest', async (request, reply) => {
    const token = request.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
    if (!token) return reply.code(401).header('WWW-Authenticate', `Bearer resource_metadata="${opts.publicUrl}/.well-known/oauth-protected-resource"`).send();
    const { payload } = await jwtVerify(token, jwks, {
      issuer: opts.issuer,
      audience: [`${opts.publicUrl}/mcp`, `${opts.publicUrl}/mcp/`],
    });
    request.user = { sub: payload.sub! };
  });
}
