// MCP SDK ProxyOAuthServerProvider whose verifyAccessToken accepts any token the upstream IdP's userinfo endpoint answers for — no audience or resource is ever checked (SEC: "MUST reject tokens that do not include them in the audience claim or otherwise verify that they are the intended recipient")
import express from 'express';
import { ProxyOAuthServerProvider } from '@modelcontextprotocol/sdk/server/auth/providers/proxyProvider.js';
import { mcpAuthRouter } from '@modelcontextprotocol/sdk/server/auth/router.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';

const UPSTREAM = 'https://accounts.upstream-idp.com';

const provider = new ProxyOAuthServerProvider({
  endpoints: {
    authorizationUrl: `${UPSTREAM}/oauth2/authorize`,
    tokenUrl: `${UPSTREAM}/oauth2/token`,
    revocationUrl: `${UPSTREAM}/oauth2/revoke`,
  },
  verifyAccessToken: async (token) => {
    const res = await fetch(`${UPSTREAM}/oauth2/userinfo`, { headers: { Authorization: `Bearer ${token}` } });
    if (!res.ok) throw new InvalidTokenError('token rejected by upstream');
    const user = (await res.json()) as { sub: string; email?: string };
    // held-out: token-audience-not-validated
    return { token, clientId: process.env.UPSTREAM_CLIENT_ID!, scopes: ['openid', 'email'], extra: { sub: user.sub, email: user.email } };
  },
  getClient: async (clientId) => ({ client_id: clientId, redirect_uris: ['http://localhost:6274/oauth/callback'] }),
});

const app = express();
app.use(
  mcpAuthRouter({
    provider,
    issuerUrl: new URL(UPSTREAM),
    baseUrl: new URL(process.env.BASE_URL ?? 'http://localhost:3000'),
    serviceDocumentationUrl: new URL('https://docs.example.com/mcp'),
  }),
);
app.use('/mcp', requireBearerAuth({ verifier: provider }));
app.post('/mcp', express.json(), (req, res) => {
  res.json({ jsonrpc: '2.0', id: req.body?.id ?? null, result: { user: req.auth?.extra?.email } });
});
app.listen(3000);
