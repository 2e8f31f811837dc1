// MCP SDK ProxyOAuthServerProvider whose verifyAccessToken option verifies the upstream IdP's JWT with issuer only — MCP 2026-07-28 authorization, token handling ("MUST only accept tokens specifically intended for themselves").
import { ProxyOAuthServerProvider } from '@modelcontextprotocol/sdk/server/auth/providers/proxyProvider.js';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const IDP = 'https://sso.example-corp.com';
const remoteKeys = createRemoteJWKSet(new URL(`${IDP}/oauth2/v1/keys`));

export const provider = new ProxyOAuthServerProvider({
  endpoints: {
    authorizationUrl: `${IDP}/oauth2/v1/authorize`,
    tokenUrl: `${IDP}/oauth2/v1/token`,
    revocationUrl: `${IDP}/oauth2/v1/revoke`,
  },
  verifyAccessToken: async (token) => {
    // held-out: token-audience-not-validated
    const verified = await jwtVerify(token, remoteKeys, { issuer: IDP });
    const { cid, scp, exp } = verified.payload as { cid: string; scp: string[]; exp: number };
    return { token, clientId: cid, scopes: scp, expiresAt: exp };
  },
  getClient: async (client_id) => ({ client_id, redirect_uris: ['http://localhost:6274/oauth/callback'] }),
});
