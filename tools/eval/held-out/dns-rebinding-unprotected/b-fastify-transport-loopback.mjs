// Fastify MCP server on 127.0.0.1 whose Streamable HTTP transport is created without DNS-rebinding protection and no Origin check exists — spec (Streamable HTTP, security warning): "Servers MUST validate the Origin header on all incoming connections to prevent DNS rebinding attacks."
import Fastify from 'fastify';
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { registerFileTools } from './tools.js';

const transports = new Map();
const app = Fastify();

app.post('/mcp', async (request, reply) => {
  const sessionId = request.headers['mcp-session-id'];
  let transport = sessionId ? transports.get(sessionId) : undefined;
  if (!transport) {
    if (!isInitializeRequest(request.body)) {
      return reply.code(400).send({ jsonrpc: '2.0', error: { code: -32000, message: 'No valid session' }, id: null });
    }
    // held-out: dns-rebinding-unprotected
    transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => transports.set(id, transport),
    });
    const server = new McpServer({ name: 'local-files', version: '0.1.0' });
    registerFileTools(server, process.env.HOME);
    await server.connect(transport);
  }
  reply.hijack();
  await transport.handleRequest(request.raw, reply.raw, request.body);
});

await app.listen({ port: 3333, host: '127.0.0.1' });
