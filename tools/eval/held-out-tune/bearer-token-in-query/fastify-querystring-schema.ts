// Fastify route declaring an auth_token query parameter and treating it as the credential — AUTH: access tokens MUST NOT be in the query string.
import Fastify from 'fastify';
import { verifyAccessToken } from './verifier.js';

const app = Fastify();

app.get<{ Querystring: { auth_token?: string } }>(
  '/mcp/stream',
  { schema: { querystring: { type: 'object', properties: { auth_token: { type: 'string' } } } } },
  async (request, reply) => {
    // held-out: bearer-token-in-query
    const authInfo = await verifyAccessToken(request.query.auth_token ?? '');
    reply.raw.writeHead(200, { 'Content-Type': 'text/event-stream' });
    reply.raw.write(`event: ready\ndata: ${JSON.stringify({ client: authInfo.clientId })}\n\n`);
  },
);

await app.listen({ port: 3100 });
