// held-out: clean — provider.authorize redirects to params.redirectUri only after the SDK's authorize handler has matched it exactly against client.redirect_uris
// OAuthServerProvider used with mcpAuthRouter (server.ts); the clients store returns registered redirect URIs unchanged (SEC: exact redirect URI validation).
import type { Response } from 'express';
import { randomBytes } from 'node:crypto';
import type { AuthorizationParams, OAuthServerProvider } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { OAuthRegisteredClientsStore } from '@modelcontextprotocol/sdk/server/auth/clients.js';
import type { OAuthClientInformationFull, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';

const registered = new Map<string, OAuthClientInformationFull>();
const grants = new Map<string, { clientId: string; params: AuthorizationParams }>();

export const clientsStore: OAuthRegisteredClientsStore = {
  getClient: (id) => registered.get(id),
  registerClient: (c) => {
    registered.set(c.client_id, c);
    return c;
  },
};

export class LocalProvider implements OAuthServerProvider {
  clientsStore = clientsStore;

  async authorize(client: OAuthClientInformationFull, params: AuthorizationParams, res: Response): Promise<void> {
    const code = randomBytes(32).toString('base64url');
    grants.set(code, { clientId: client.client_id, params });
    const target = new URL(params.redirectUri);
    target.searchParams.set('code', code);
    if (params.state !== undefined) target.searchParams.set('state', params.state);
    res.redirect(target.toString());
  }

  async challengeForAuthorizationCode(_client: OAuthClientInformationFull, code: string): Promise<string> {
    return grants.get(code)!.params.codeChallenge;
  }

  async exchangeAuthorizationCode(client: OAuthClientInformationFull, code: string): Promise<OAuthTokens> {
    const grant = grants.get(code);
    if (!grant || grant.clientId !== client.client_id) throw new Error('invalid_grant');
    grants.delete(code);
    return { access_token: randomBytes(32).toString('hex'), token_type: 'bearer', expires_in: 3600 };
  }

  async exchangeRefreshToken(): Promise<OAuthTokens> {
    throw new Error('refresh not supported');
  }

  async verifyAccessToken(_token: string): Promise<AuthInfo> {
    throw new Error('not used');
  }
}
