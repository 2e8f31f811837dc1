// MCP proxy's OAuthServerProvider.authorize forwarding to the upstream IdP with the MCP client's own state instead of a fresh server-generated one, then looking the flow up by it — MCP 2026-07-28 security best practices, confused deputy: the proxy must generate a cryptographically secure random state, bound to the user's session.
import type { Response } from 'express';
import type { AuthorizationParams } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { OAuthClientInformationFull } from '@modelcontextprotocol/sdk/shared/auth.js';
import { pendingFlows } from './flows.js';

const UPSTREAM_AUTHORIZE = 'https://login.salesforce.com/services/oauth2/authorize';

export class SalesforceProxyProvider {
  async authorize(client: OAuthClientInformationFull, params: AuthorizationParams, res: Response): Promise<void> {
    // held-out: oauth-state-missing
    const flowKey = params.state ?? client.client_id;
    await pendingFlows.set(flowKey, { clientId: client.client_id, redirectUri: params.redirectUri, codeChallenge: params.codeChallenge });
    const upstream = new URL(UPSTREAM_AUTHORIZE);
    upstream.searchParams.set('response_type', 'code');
    upstream.searchParams.set('client_id', process.env.SF_CLIENT_ID!);
    upstream.searchParams.set('redirect_uri', 'https://sf-mcp.example.com/upstream/callback');
    upstream.searchParams.set('state', flowKey);
    res.redirect(upstream.toString());
  }
}
