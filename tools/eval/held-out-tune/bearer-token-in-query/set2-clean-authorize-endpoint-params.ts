// held-out: clean — an authorization endpoint reads client_id, redirect_uri, code_challenge, state and resource from the query as OAuth 2.1 §4.1.1 defines; none is an access token
// Cloudflare Worker acting as the MCP server's authorization server front door (MCP authorization; RFC 8707 resource parameter).
import { renderConsent } from './consent';
import { lookupClient } from './clients';

export default {
  async fetch(request: Request, env: { CLIENTS: KVNamespace }): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname !== '/authorize') return new Response('Not found', { status: 404 });

    const params = url.searchParams;
    const clientId = params.get('client_id');
    const redirectUri = params.get('redirect_uri');
    const codeChallenge = params.get('code_challenge');
    const method = params.get('code_challenge_method');
    const state = params.get('state');
    const resource = params.get('resource');
    if (params.get('response_type') !== 'code' || !clientId || !redirectUri || !codeChallenge || method !== 'S256') {
      return new Response('invalid_request', { status: 400 });
    }
    const client = await lookupClient(env.CLIENTS, clientId);
    if (!client || !client.redirectUris.includes(redirectUri)) return new Response('invalid_client', { status: 400 });
    return renderConsent({ client, redirectUri, codeChallenge, state, resource });
  },
};
