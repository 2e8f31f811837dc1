// held-out: clean — @fastify/jwt is registered with allowedAud set to the server's resource URL as well as allowedIss
// Fastify MCP server verifying bearer tokens with the IdP's public key (AUTH, token handling)
import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
import { readFile } from 'node:fs/promises';

const app = Fastify({ logger: true });
const RESOURCE = process.env.MCP_RESOURCE ?? 'https://tickets.example.org/mcp';

await app.register(fastifyJwt, {
  secret: { public: await readFile(process.env.IDP_PUBLIC_KEY_PATH ?? './keys/idp.pem', 'utf8') },
  verify: {
    algorithms: ['RS256'],
    allowedIss: process.env.IDP_ISSUER ?? 'https://sso.example.org/realms/main',
    allowedAud: RESOURCE,
  },
});

app.addHook('onRequest', async (request, reply) => {
  if (!request.url.startsWith('/mcp')) return;
  try {
    await request.jwtVerify();
  } catch {
    return reply
      .header('WWW-Authenticate', `Bearer resource_metadata="${new URL('/.well-known/oauth-protected-resource', RESOURCE)}"`)
      .code(401)
      .send({ error: 'invalid_token' });
  }
});

app.get('/.well-known/oauth-protected-resource', async () => ({
  resource: RESOURCE,
  authorization_servers: [process.env.IDP_ISSUER ?? 'https://sso.example.org/realms/main'],
}));

app.post('/mcp', async (request) => ({ jsonrpc: '2.0', id: request.body?.id ?? null, result: { caller: request.user.sub } }));

await app.listen({ port: 3000, host: '127.0.0.1' });
