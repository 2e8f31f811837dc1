// Fastify token endpoint of an MCP authorization server authenticating confidential clients with client_secret_post by !==; RFC 6749 §2.3.1 / RFC 6819 client authentication, CWE-208.
import type { FastifyInstance } from 'fastify';
import { clients, redeemCode } from './store.js';

interface TokenBody { grant_type: string; code?: string; client_id: string; client_secret?: string; redirect_uri?: string; code_verifier?: string }

export async function tokenEndpoint(app: FastifyInstance) {
  app.post<{ Body: TokenBody }>('/token', async (request, reply) => {
    const { client_id, client_secret, grant_type } = request.body;
    const client = await clients.get(client_id);
    if (!client) return reply.code(401).send({ error: 'invalid_client' });
    if (client.tokenEndpointAuthMethod === 'client_secret_post') {
      // held-out: secret-compare-not-constant-time
      if (!client_secret || client_secret !== client.clientSecret) {
        return reply.code(401).send({ error: 'invalid_client' });
      }
    }
    if (grant_type !== 'authorization_code') return reply.code(400).send({ error: 'unsupported_grant_type' });
    const tokens = await redeemCode(client, request.body.code, request.body.redirect_uri, request.body.code_verifier);
    return reply.header('cache-control', 'no-store').send(tokens);
  });
}
