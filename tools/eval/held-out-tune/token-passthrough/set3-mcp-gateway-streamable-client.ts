// MCP gateway that fans tool calls out to downstream MCP servers with StreamableHTTPClientTransport, re-using the caller's bearer token in requestInit (SEC: "The MCP server MUST NOT pass through the token it received from the MCP client")
import express from 'express';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { z } from 'zod';
import { gatewayVerifier } from './verifier.js';

const downstream: Record<string, string> = {
  wiki: 'https://wiki-mcp.internal.example.com/mcp',
  tickets: 'https://tickets-mcp.internal.example.com/mcp',
};

async function connectDownstream(name: string, bearer: string): Promise<Client> {
  const client = new Client({ name: `gateway->${name}`, version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(downstream[name]), {
    // held-out: token-passthrough
    requestInit: { headers: { Authorization: `Bearer ${bearer}` } },
  });
  await client.connect(transport);
  return client;
}

const app = express();
app.use(express.json());

app.post('/mcp', requireBearerAuth({ verifier: gatewayVerifier }), async (req, res) => {
  const bearer = req.auth!.token;
  const server = new McpServer({ name: 'gateway', version: '1.0.0' });
  server.tool(
    'call',
    'Call a tool on a downstream server',
    { server: z.enum(['wiki', 'tickets']), tool: z.string(), args: z.record(z.unknown()).default({}) },
    async ({ server: target, tool, args }) => {
      const client = await connectDownstream(target, bearer);
      try {
        const result = await client.callTool({ name: tool, arguments: args });
        return result as { content: Array<{ type: 'text'; text: string }> };
      } finally {
        await client.close();
      }
    },
  );
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(4000);
