// Streamable HTTP MCP server (express + McpServer) whose tool calls Linear with the caller's bearer token — MCP 2026-07-28 authorization, token handling: "MUST NOT pass through the token it received from the MCP client".
import express from 'express';
import axios from 'axios';
import { z } from 'zod';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { verifier } from './verifier.js';

function buildServer() {
  const server = new McpServer({ name: 'linear-mcp', version: '0.4.1' });

  server.tool('search_issues', { query: z.string(), first: z.number().default(20) }, async ({ query, first }, extra) => {
    const response = await axios.post(
      'https://api.linear.app/graphql',
      { query: 'query($q: String!, $n: Int) { searchIssues(term: $q, first: $n) { nodes { id title url } } }', variables: { q: query, n: first } },
      {
        // held-out: token-passthrough
        headers: { Authorization: `Bearer ${extra.authInfo!.token}`, 'Content-Type': 'application/json' },
        timeout: 10_000,
      },
    );
    return { content: [{ type: 'text', text: JSON.stringify(response.data.data.searchIssues.nodes) }] };
  });

  return server;
}

const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier, requiredScopes: ['issues:read'] }), async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => transport.close());
  await buildServer().connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(Number(process.env.PORT ?? 8080));
