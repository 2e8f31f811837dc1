// ProxyOAuthServerProvider-based MCP server: the token the client got through the proxy is the upstream provider's token, and tools send it straight to the upstream API (SEC: "The MCP server MUST NOT pass through the token it received from the MCP client")
import express from 'express';
import { ProxyOAuthServerProvider } from '@modelcontextprotocol/sdk/server/auth/providers/proxyProvider.js';
import { mcpAuthRouter } from '@modelcontextprotocol/sdk/server/auth/router.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

const ZOOM = 'https://zoom.us';

const provider = new ProxyOAuthServerProvider({
  endpoints: { authorizationUrl: `${ZOOM}/oauth/authorize`, tokenUrl: `${ZOOM}/oauth/token`, revocationUrl: `${ZOOM}/oauth/revoke` },
  verifyAccessToken: async (token) => ({ token, clientId: 'zoom', scopes: ['meeting:read'] }),
  getClient: async (client_id) => ({ client_id, redirect_uris: ['http://localhost:6274/oauth/callback/debug'] }),
});

const server = new McpServer({ name: 'zoom-meetings', version: '0.1.0' });

server.tool('upcoming_meetings', 'List upcoming meetings', { pageSize: z.number().default(30) }, async ({ pageSize }, extra) => {
  const token = extra.authInfo?.token;
  const res = await fetch(`https://api.zoom.us/v2/users/me/meetings?type=upcoming&page_size=${pageSize}`, {
    // held-out: token-passthrough
    headers: { Authorization: `Bearer ${token}` },
  });
  const data = (await res.json()) as { meetings?: Array<{ topic: string; start_time: string }> };
  return { content: [{ type: 'text', text: (data.meetings ?? []).map((m) => `${m.start_time} ${m.topic}`).join('\n') }] };
});

const app = express();
app.use(mcpAuthRouter({ provider, issuerUrl: new URL('http://localhost:3000'), baseUrl: new URL('http://localhost:3000') }));
app.post('/mcp', express.json(), requireBearerAuth({ verifier: provider }), async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000);
