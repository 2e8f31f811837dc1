// held-out: clean — the token endpoint requires the redirect_uri to equal, as a whole string, the one stored with the authorization code (RFC 6749 §4.1.3)
// Token endpoint of a Fastify-based MCP authorization server, authorization_code grant with PKCE (MCP 2026-07-28 authorization; RFC 9700 §4.1.3).
import type { FastifyInstance } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';

export default async function tokenRoute(app: FastifyInstance) {
  app.post<{ Body: Record<string, string> }>('/token', async (request, reply) => {
    const { grant_type, code, redirect_uri, code_verifier, client_id } = request.body;
    if (grant_type !== 'authorization_code') return reply.code(400).send({ error: 'unsupported_grant_type' });

    const grant = await app.codes.take(code);
    if (!grant || grant.clientId !== client_id || grant.expiresAt < Date.now()) return reply.code(400).send({ error: 'invalid_grant' });
    if (grant.redirectUri !== redirect_uri) return reply.code(400).send({ error: 'invalid_grant', error_description: 'redirect_uri mismatch' });
    const challenge = createHash('sha256').update(code_verifier ?? '').digest('base64url');
    if (challenge !== grant.codeChallenge) return reply.code(400).send({ error: 'invalid_grant' });

    const accessToken = randomBytes(32).toString('base64url');
    await app.tokens.save(accessToken, { clientId: client_id, userId: grant.userId, resource: grant.resource, expiresIn: 3600 });
    return reply.header('cache-control', 'no-store').send({ access_token: accessToken, token_type: 'Bearer', expires_in: 3600 });
  });
}
