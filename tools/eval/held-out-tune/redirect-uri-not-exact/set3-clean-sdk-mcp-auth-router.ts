// held-out: clean — the SDK's mcpAuthRouter runs the authorize endpoint and checks redirect_uri against the client's registered list exactly; the server only supplies the clients store
// MCP server proxying to an upstream OAuth provider with ProxyOAuthServerProvider and mcpAuthRouter
import express from 'express';
import { ProxyOAuthServerProvider } from '@modelcontextprotocol/sdk/server/auth/providers/proxyProvider.js';
import { mcpAuthRouter } from '@modelcontextprotocol/sdk/server/auth/router.js';
import type { OAuthClientInformationFull } from '@modelcontextprotocol/sdk/shared/auth.js';

const registered: Record<string, OAuthClientInformationFull> = {
  'desktop-client': {
    client_id: 'desktop-client',
    redirect_uris: ['http://127.0.0.1:33418/callback'],
    token_endpoint_auth_method: 'none',
  },
};

const provider = new ProxyOAuthServerProvider({
  endpoints: {
    authorizationUrl: 'https://idp.example.com/oauth2/authorize',
    tokenUrl: 'https://idp.example.com/oauth2/token',
    revocationUrl: 'https://idp.example.com/oauth2/revoke',
  },
  verifyAccessToken: async (token) => ({ token, clientId: 'desktop-client', scopes: ['mcp'] }),
  getClient: async (clientId) => registered[clientId],
});

const app = express();
app.use(
  mcpAuthRouter({
    provider,
    issuerUrl: new URL('https://auth.example.com'),
    baseUrl: new URL('https://auth.example.com'),
    serviceDocumentationUrl: new URL('https://docs.example.com/'),
  }),
);

app.listen(3000);
