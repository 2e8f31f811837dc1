// Fastify MCP server verifying access tokens with fast-jwt and get-jwks: allowedIss set, allowedAud missing (AUTH: "MCP servers MUST only accept tokens specifically intended for themselves")
import Fastify, { type FastifyRequest } from 'fastify';
import { createVerifier, type DecodedJwt } from 'fast-jwt';
import buildGetJwks from 'get-jwks';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const ISSUER = process.env.AUTH_ISSUER ?? 'https://auth.internal.example.net/';
const getJwks = buildGetJwks({ issuersWhitelist: [ISSUER], providerDiscovery: true });

// held-out: token-audience-not-validated
const verifyToken = createVerifier({
  key: async ({ header, payload }: DecodedJwt) => getJwks.getPublicKey({ kid: header.kid, alg: header.alg, domain: payload.iss }),
  allowedIss: ISSUER,
  algorithms: ['RS256', 'ES256'],
  cache: true,
});

declare module 'fastify' {
  interface FastifyRequest {
    claims?: Record<string, unknown>;
  }
}

async function authenticate(request: FastifyRequest) {
  const [type, value] = (request.headers.authorization ?? '').split(' ');
  if (type?.toLowerCase() !== 'bearer' || !value) throw Object.assign(new Error('missing token'), { statusCode: 401 });
  request.claims = await verifyToken(value);
}

const fastify = Fastify();
fastify.post('/mcp', { preHandler: authenticate }, async (request, reply) => {
  const server = new McpServer({ name: 'inventory', version: '3.1.0' });
  server.tool('stock_level', 'Stock level of the caller’s warehouse', async () => ({
    content: [{ type: 'text', text: `warehouse ${String(request.claims?.warehouse ?? 'n/a')}` }],
  }));
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(request.raw, reply.raw, request.body);
  return reply;
});

fastify.listen({ port: 7070 });
