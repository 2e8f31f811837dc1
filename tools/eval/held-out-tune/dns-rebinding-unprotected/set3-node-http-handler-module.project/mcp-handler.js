// MCP request handler module: one stateless SDK transport per request, no Origin/Host validation — Streamable HTTP transport: "Servers MUST validate the Origin header on all incoming connections"
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

function buildServer(config) {
  const server = new McpServer({ name: 'k8s-local', version: '0.1.4' });
  server.tool('get_pods', { namespace: z.string().default('default') }, async ({ namespace }) => ({
    content: [{ type: 'text', text: await config.kubectl(['get', 'pods', '-n', namespace]) }],
  }));
  return server;
}

export async function handleMcpRequest(req, res, body, config) {
  const server = buildServer(config);
  // held-out: dns-rebinding-unprotected
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  res.on('close', () => {
    transport.close();
    server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, body);
}
