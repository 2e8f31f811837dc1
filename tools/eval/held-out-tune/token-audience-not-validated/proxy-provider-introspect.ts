// ProxyOAuthServerProvider whose verifyAccessToken accepts any active introspection result — AUTH: "MUST reject tokens that do not include them in the audience claim or otherwise verify that they are the intended recipient".
import { ProxyOAuthServerProvider } from '@modelcontextprotocol/sdk/server/auth/providers/proxyProvider.js';

const UPSTREAM = 'https://auth.upstream.example';

export const provider = new ProxyOAuthServerProvider({
  endpoints: {
    authorizationUrl: `${UPSTREAM}/authorize`,
    tokenUrl: `${UPSTREAM}/token`,
    revocationUrl: `${UPSTREAM}/revoke`,
  },
  verifyAccessToken: async (token) => {
    const res = await fetch(`${UPSTREAM}/introspect`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `token=${encodeURIComponent(token)}`,
    });
    if (!res.ok) throw new Error(`introspection failed: ${res.status}`);
    const body = await res.json();
    // held-out: token-audience-not-validated
    if (body.active !== true) throw new Error('inactive token');
    return { token, clientId: body.client_id, scopes: String(body.scope ?? '').split(' '), expiresAt: body.exp };
  },
  getClient: async (clientId) => ({ client_id: clientId, redirect_uris: ['http://localhost:6274/oauth/callback'] }),
});
