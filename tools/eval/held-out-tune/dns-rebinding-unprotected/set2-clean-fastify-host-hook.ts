// held-out: clean — a fastify onRequest hook rejects any request whose Host or Origin is not the local server's before the MCP route runs
// Fastify Streamable HTTP server with its own Host/Origin allow-list (MCP transports: "MUST validate the Origin header", 403 when invalid).
import Fastify from 'fastify';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { registerTools } from './tools.js';

const port = 4400;
const localNames = [`localhost:${port}`, `127.0.0.1:${port}`];
const app = Fastify();

app.addHook('onRequest', async (request, reply) => {
  const host = request.headers.host ?? '';
  const origin = request.headers.origin;
  const originHost = origin ? new URL(origin).host : undefined;
  if (!localNames.includes(host) || (originHost !== undefined && !localNames.includes(originHost))) {
    return reply.code(403).send({ error: 'forbidden' });
  }
});

app.post('/mcp', async (request, reply) => {
  const server = new McpServer({ name: 'fastify-tools', version: '0.4.0' });
  registerTools(server);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(request.raw, reply.raw, request.body);
  return reply;
});

await app.listen({ port, host: '127.0.0.1' });
