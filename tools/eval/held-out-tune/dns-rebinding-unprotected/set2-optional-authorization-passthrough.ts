// Local proxy server that reads Authorization only to forward it if present (requests without it go through) and never checks Origin/Host (MCP transports: "Servers MUST validate the Origin header"; "SHOULD implement proper authentication for all connections").
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

const app = express();
app.use(express.json());

app.post('/mcp', async (req, res) => {
  const upstreamAuth = req.headers.authorization; // optional; the upstream API decides
  const server = new McpServer({ name: 'linear-lite', version: '0.0.9' });
  server.tool('list_issues', { team: z.string() }, async ({ team }) => {
    const response = await fetch(`https://linear-proxy.internal/teams/${encodeURIComponent(team)}/issues`, {
      headers: upstreamAuth ? { authorization: upstreamAuth } : {},
    });
    return { content: [{ type: 'text', text: await response.text() }] };
  });
  // held-out: dns-rebinding-unprotected
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(5050, '127.0.0.1', () => console.log('linear-lite on 127.0.0.1:5050'));
