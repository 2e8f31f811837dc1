// Fastify MCP server handing raw requests to the SDK transport, default (localhost) listen, no Origin/Host check — Streamable HTTP Origin MUST.
import Fastify from 'fastify';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { registerBrowserTools } from './browser-tools.js';

const fastify = Fastify();

fastify.post('/mcp', async (request, reply) => {
  const server = new McpServer({ name: 'browser-automation', version: '3.2.0' });
  registerBrowserTools(server);
  // held-out: dns-rebinding-unprotected
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  reply.hijack();
  await server.connect(transport);
  await transport.handleRequest(request.raw, reply.raw, request.body);
});

await fastify.listen({ port: 3000 });
