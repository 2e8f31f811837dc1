// MCP server built on the SDK's ProxyOAuthServerProvider: the MCP client holds the upstream provider's token, and the tool uses extra.authInfo.token against that provider's API — MCP 2026-07-28 authorization, token handling ("MCP servers MUST NOT accept or transit any other tokens").
import express from 'express';
import { ProxyOAuthServerProvider } from '@modelcontextprotocol/sdk/server/auth/providers/proxyProvider.js';
import { mcpAuthRouter } from '@modelcontextprotocol/sdk/server/auth/router.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

const provider = new ProxyOAuthServerProvider({
  endpoints: {
    authorizationUrl: 'https://app.asana.com/-/oauth_authorize',
    tokenUrl: 'https://app.asana.com/-/oauth_token',
  },
  verifyAccessToken: async (token) => {
    const me = await fetch('https://app.asana.com/api/1.0/users/me', { headers: { Authorization: `Bearer ${token}` } });
    if (!me.ok) throw new Error('invalid token');
    return { token, clientId: process.env.ASANA_CLIENT_ID!, scopes: ['default'] };
  },
  getClient: async (clientId) => ({ client_id: clientId, redirect_uris: [process.env.MCP_CLIENT_REDIRECT!] }),
});

const app = express();
app.use(express.json());
app.use(mcpAuthRouter({ provider, issuerUrl: new URL('https://asana-mcp.example.com') }));

app.post('/mcp', requireBearerAuth({ verifier: provider }), async (req, res) => {
  const server = new McpServer({ name: 'asana', version: '0.3.0' });
  server.tool('my_tasks', { workspace: z.string() }, async ({ workspace }, extra) => {
    const tasks = await fetch(`https://app.asana.com/api/1.0/tasks?assignee=me&workspace=${workspace}`, {
      // held-out: token-passthrough
      headers: { Authorization: `Bearer ${extra.authInfo?.token}` },
    });
    return { content: [{ type: 'text', text: await tasks.text() }] };
  });
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(3030);
