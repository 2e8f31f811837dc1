// Fastify MCP server that proxies tool calls to an internal search service with undici, forwarding request.headers.authorization (SEC: "The MCP server MUST NOT pass through the token it received from the MCP client")
import Fastify from 'fastify';
import { request as undiciRequest } from 'undici';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

const SEARCH_URL = process.env.SEARCH_URL ?? 'http://search.svc.cluster.local:8080';

async function search(query, credential) {
  const { statusCode, body } = await undiciRequest(`${SEARCH_URL}/v1/search`, {
    method: 'POST',
    // held-out: token-passthrough
    headers: { 'content-type': 'application/json', authorization: credential },
    body: JSON.stringify({ query, limit: 10 }),
  });
  if (statusCode >= 400) throw new Error(`search failed with ${statusCode}`);
  return body.json();
}

const fastify = Fastify({ logger: true });

fastify.post('/mcp', async (request, reply) => {
  const credential = request.headers.authorization;
  if (!credential) return reply.code(401).header('WWW-Authenticate', 'Bearer').send();

  const server = new McpServer({ name: 'kb-search', version: '1.0.0' });
  server.tool('search', 'Search the knowledge base', { query: z.string() }, async ({ query }) => {
    const hits = await search(query, credential);
    return { content: [{ type: 'text', text: hits.map((h) => `${h.title}: ${h.url}`).join('\n') }] };
  });

  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(request.raw, reply.raw, request.body);
  return reply;
});

await fastify.listen({ port: 3000 });
