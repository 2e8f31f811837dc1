// Fastify MCP server registering @fastify/jwt with the IdP's public key and an issuer allow-list, but no allowedAud (AUTH: "MCP servers MUST only accept tokens specifically intended for themselves")
import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
import { readFile } from 'node:fs/promises';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const app = Fastify({ logger: true });
const publicKey = await readFile(process.env.IDP_PUBLIC_KEY_PATH ?? './keys/idp.pem', 'utf8');

await app.register(fastifyJwt, {
  secret: { public: publicKey },
  // held-out: token-audience-not-validated
  verify: { algorithms: ['RS256'], allowedIss: [process.env.IDP_ISSUER ?? 'https://sso.example.org/realms/main'] },
});

app.addHook('onRequest', async (request, reply) => {
  if (!request.url.startsWith('/mcp')) return;
  try {
    await request.jwtVerify();
  } catch (err) {
    reply
      .header('WWW-Authenticate', 'Bearer resource_metadata="https://mcp.example.org/.well-known/oauth-protected-resource"')
      .code(401)
      .send({ error: 'invalid_token' });
  }
});

function buildServer(user) {
  const server = new McpServer({ name: 'tickets', version: '2.0.0' });
  server.tool('my_tickets', 'List tickets assigned to the caller', async () => ({
    content: [{ type: 'text', text: JSON.stringify({ assignee: user.sub, tickets: [] }) }],
  }));
  return server;
}

app.post('/mcp', async (request, reply) => {
  const server = buildServer(request.user);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  reply.raw.on('close', () => transport.close());
  await server.connect(transport);
  await transport.handleRequest(request.raw, reply.raw, request.body);
  return reply;
});

await app.listen({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' });
