// Fastify route passing request.raw/reply.raw to StreamableHTTPServerTransport without Origin/Host validation — Streamable HTTP transport: "Servers MUST validate the Origin header on all incoming connections"
import Fastify from 'fastify';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

const fastify = Fastify({ logger: false });

function createServer() {
  const server = new McpServer({ name: 'docker-mcp', version: '0.5.0' });
  server.tool('list_containers', { all: z.boolean().default(false) }, async ({ all }) => {
    const { default: Docker } = await import('dockerode');
    const containers = await new Docker().listContainers({ all });
    return { content: [{ type: 'text', text: JSON.stringify(containers.map((c) => c.Names)) }] };
  });
  return server;
}

fastify.post('/mcp', async (request, reply) => {
  const server = createServer();
  // held-out: dns-rebinding-unprotected
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  reply.raw.on('close', () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(request.raw, reply.raw, request.body);
  return reply.hijack();
});

const start = async () => {
  await fastify.listen({ port: 3333 });
  console.error('docker-mcp ready on :3333');
};
start();
