// held-out: clean — the MCP SDK's mcpAuthRouter authorization handler matches params.redirectUri exactly against client.redirect_uris before calling provider.authorize, which only appends the code.
// MCP TypeScript SDK OAuthServerProvider behind mcpAuthRouter (Express); MCP authorization / security considerations.
import express from 'express';
import { randomBytes } from 'node:crypto';
import { mcpAuthRouter } from '@modelcontextprotocol/sdk/server/auth/router.js';
import type { OAuthServerProvider, AuthorizationParams } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { OAuthClientInformationFull } from '@modelcontextprotocol/sdk/shared/auth.js';
import type { Response } from 'express';
import { clientsStore, codeStore, tokenService } from './stores.js';

class NotesAuthProvider implements Pick<OAuthServerProvider, 'clientsStore' | 'authorize'> {
  clientsStore = clientsStore;

  async authorize(client: OAuthClientInformationFull, params: AuthorizationParams, res: Response): Promise<void> {
    const code = randomBytes(32).toString('base64url');
    await codeStore.save(code, { clientId: client.client_id, codeChallenge: params.codeChallenge, redirectUri: params.redirectUri, scopes: params.scopes ?? [], resource: params.resource?.href });
    const target = new URL(params.redirectUri);
    target.searchParams.set('code', code);
    if (params.state) target.searchParams.set('state', params.state);
    res.redirect(target.toString());
  }
}

const app = express();
app.use(mcpAuthRouter({
  provider: Object.assign(new NotesAuthProvider(), tokenService) as unknown as OAuthServerProvider,
  issuerUrl: new URL('https://auth.notes-mcp.example'),
  scopesSupported: ['notes:read', 'notes:write'],
}));
export default app;
