// held-out: clean — mcpAuthRouter's authorization handler has already matched params.redirectUri exactly against the client's redirect_uris before provider.authorize runs
// In-memory OAuthServerProvider of an MCP server using the SDK's mcpAuthRouter (MCP 2026-07-28 security considerations, open redirection).
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import type { AuthorizationParams, OAuthServerProvider } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { OAuthClientInformationFull } from '@modelcontextprotocol/sdk/shared/auth.js';
import type { OAuthRegisteredClientsStore } from '@modelcontextprotocol/sdk/server/auth/clients.js';

export class DemoProvider implements Pick<OAuthServerProvider, 'clientsStore' | 'authorize' | 'challengeForAuthorizationCode'> {
  private readonly codes = new Map<string, { client: OAuthClientInformationFull; params: AuthorizationParams }>();

  constructor(readonly clientsStore: OAuthRegisteredClientsStore) {}

  async authorize(client: OAuthClientInformationFull, params: AuthorizationParams, res: Response): Promise<void> {
    const code = randomUUID();
    this.codes.set(code, { client, params });
    const target = new URL(params.redirectUri);
    target.searchParams.set('code', code);
    if (params.state !== undefined) target.searchParams.set('state', params.state);
    res.redirect(target.toString());
  }

  async challengeForAuthorizationCode(_client: OAuthClientInformationFull, authorizationCode: string): Promise<string> {
    const entry = this.codes.get(authorizationCode);
    if (!entry) throw new Error('invalid authorization code');
    return entry.params.codeChallenge;
  }
}
