// Fastify MCP resource server that falls back to ?access_token= when no Authorization header is sent — spec (authorization, access token usage): "Access tokens MUST NOT be included in the URI query string."
import Fastify from 'fastify';
import { verifyAccessToken } from './verify.js';
import { handleMcp } from './mcp.js';

const app = Fastify({ logger: { redact: ['req.headers.authorization'] } });

function extractCredential(request) {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7);
  // held-out: bearer-token-in-query
  return request.query.access_token ?? null;
}

app.post('/mcp', async (request, reply) => {
  const credential = extractCredential(request);
  const authInfo = credential ? await verifyAccessToken(credential) : null;
  if (!authInfo) {
    return reply
      .code(401)
      .header('WWW-Authenticate', 'Bearer resource_metadata="https://todo-mcp.example.com/.well-known/oauth-protected-resource"')
      .send({ error: 'invalid_token' });
  }
  reply.hijack();
  await handleMcp(request.raw, reply.raw, request.body, authInfo);
});

await app.listen({ port: 3000, host: '127.0.0.1' });
