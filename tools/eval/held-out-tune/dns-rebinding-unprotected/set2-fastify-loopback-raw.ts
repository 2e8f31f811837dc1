// Fastify server on 127.0.0.1 handing reply.raw to StreamableHTTPServerTransport with no Host/Origin validation (MCP transports: "Servers MUST validate the Origin header"; "If the Origin header is present and invalid, servers MUST respond with HTTP 403 Forbidden").
import Fastify from 'fastify';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { queryLocalDb } from './db.js';

const fastify = Fastify({ logger: true });

const mcp = new McpServer({ name: 'sqlite-explorer', version: '0.2.0' });
mcp.tool('query', { sql: z.string() }, async ({ sql }) => ({
  content: [{ type: 'text', text: JSON.stringify(await queryLocalDb(sql)) }],
}));

fastify.post('/mcp', async (request, reply) => {
  // held-out: dns-rebinding-unprotected
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  reply.raw.on('close', () => void transport.close());
  await mcp.connect(transport);
  await transport.handleRequest(request.raw, reply.raw, request.body);
  return reply;
});

try {
  await fastify.listen({ port: 3333, host: '127.0.0.1' });
} catch (err) {
  fastify.log.error(err);
  process.exit(1);
}
