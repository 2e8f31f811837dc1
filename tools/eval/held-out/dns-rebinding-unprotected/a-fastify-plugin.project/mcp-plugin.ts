// dns-rebinding-unprotected: a Fastify plugin passes raw requests to a StreamableHTTPServerTransport created without Host/Origin validation; index.ts listens on 0.0.0.0 — Streamable HTTP "Servers MUST validate the Origin header on all incoming connections"
import type { FastifyPluginAsync } from 'fastify';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

export const mcpPlugin: FastifyPluginAsync<{ server: McpServer }> = async (fastify, opts) => {
  // held-out: dns-rebinding-unprotected
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await opts.server.connect(transport);

  fastify.post('/mcp', async (request, reply) => {
    reply.hijack();
    await transport.handleRequest(request.raw, reply.raw, request.body);
  });
};
