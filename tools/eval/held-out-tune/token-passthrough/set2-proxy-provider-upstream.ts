// MCP server built on the SDK's ProxyOAuthServerProvider in front of the corporate Okta: MCP clients hold Okta tokens, and the tool sends extra.authInfo.token on to the internal orders API — MCP 2026-07-28 authorization, token handling ("MCP servers MUST NOT accept or transit any other tokens"; "MUST NOT pass through the token it received").
import express from 'express';
import { ProxyOAuthServerProvider } from '@modelcontextprotocol/sdk/server/auth/providers/proxyProvider.js';
import { mcpAuthRouter } from '@modelcontextprotocol/sdk/server/auth/router.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

const OKTA = 'https://corp.okta.com/oauth2/default';

const provider = new ProxyOAuthServerProvider({
  endpoints: {
    authorizationUrl: `${OKTA}/v1/authorize`,
    tokenUrl: `${OKTA}/v1/token`,
    revocationUrl: `${OKTA}/v1/revoke`,
  },
  verifyAccessToken: async (token) => {
    const res = await fetch(`${OKTA}/v1/introspect`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, token_type_hint: 'access_token', client_id: process.env.OKTA_CLIENT_ID!, client_secret: process.env.OKTA_CLIENT_SECRET! }),
    });
    const info = (await res.json()) as { active: boolean; client_id: string; scope: string; exp: number };
    if (!info.active) throw new Error('invalid token');
    return { token, clientId: info.client_id, scopes: info.scope.split(' '), expiresAt: info.exp };
  },
  getClient: async (clientId) => ({ client_id: clientId, redirect_uris: [process.env.MCP_CLIENT_REDIRECT!] }),
});

const app = express();
app.use(express.json());
app.use(mcpAuthRouter({ provider, issuerUrl: new URL('https://orders-mcp.corp.example.com') }));

app.post('/mcp', requireBearerAuth({ verifier: provider }), async (req, res) => {
  const server = new McpServer({ name: 'orders', version: '0.3.0' });
  server.tool('open_orders', { customerId: z.string() }, async ({ customerId }, extra) => {
    const orders = await fetch(`https://orders-api.corp.example.com/v1/customers/${encodeURIComponent(customerId)}/orders?status=open`, {
      // held-out: token-passthrough
      headers: { Authorization: `Bearer ${extra.authInfo?.token}` },
    });
    return { content: [{ type: 'text', text: await orders.text() }] };
  });
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(3030);
