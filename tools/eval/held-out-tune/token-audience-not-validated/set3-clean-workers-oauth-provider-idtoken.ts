// held-out: clean — workers-oauth-provider issues and validates this server's own tokens; the only JWT checked by hand is Google's ID token in the login callback, with aud = our client id
// Cloudflare Workers MCP server using @cloudflare/workers-oauth-provider as its own authorization server with Google as the upstream login
import OAuthProvider, { type AuthRequest, type OAuthHelpers } from '@cloudflare/workers-oauth-provider';
import { McpAgent } from 'agents/mcp';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { createRemoteJWKSet, jwtVerify } from 'jose';

interface Env {
  OAUTH_PROVIDER: OAuthHelpers;
  OAUTH_KV: KVNamespace;
  GOOGLE_CLIENT_ID: string;
  GOOGLE_CLIENT_SECRET: string;
}
type Props = { email: string };

export class DriveMCP extends McpAgent<Env, unknown, Props> {
  server = new McpServer({ name: 'drive-notes', version: '1.0.0' });
  async init() {
    this.server.tool('whoami', 'Signed-in user', async () => ({ content: [{ type: 'text', text: this.props.email }] }));
  }
}

const googleKeys = createRemoteJWKSet(new URL('https://www.googleapis.com/oauth2/v3/certs'));

const loginHandler = {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === '/authorize') {
      const oauthReq = await env.OAUTH_PROVIDER.parseAuthRequest(request);
      const state = btoa(JSON.stringify(oauthReq));
      const google = new URL('https://accounts.google.com/o/oauth2/v2/auth');
      google.search = new URLSearchParams({ client_id: env.GOOGLE_CLIENT_ID, redirect_uri: `${url.origin}/callback`, response_type: 'code', scope: 'openid email', state }).toString();
      return Response.redirect(google.href, 302);
    }
    if (url.pathname === '/callback') {
      const oauthReq = JSON.parse(atob(url.searchParams.get('state') ?? '')) as AuthRequest;
      const tokenRes = await fetch('https://oauth2.googleapis.com/token', {
        method: 'POST',
        body: new URLSearchParams({ code: url.searchParams.get('code') ?? '', client_id: env.GOOGLE_CLIENT_ID, client_secret: env.GOOGLE_CLIENT_SECRET, redirect_uri: `${url.origin}/callback`, grant_type: 'authorization_code' }),
      });
      const { id_token } = (await tokenRes.json()) as { id_token: string };
      const { payload } = await jwtVerify(id_token, googleKeys, { issuer: 'https://accounts.google.com', audience: env.GOOGLE_CLIENT_ID });
      const { redirectTo } = await env.OAUTH_PROVIDER.completeAuthorization({
        request: oauthReq,
        userId: String(payload.sub),
        metadata: {},
        scope: oauthReq.scope,
        props: { email: String(payload.email) } satisfies Props,
      });
      return Response.redirect(redirectTo, 302);
    }
    return new Response('Not found', { status: 404 });
  },
};

export default new OAuthProvider({
  apiRoute: '/mcp',
  apiHandler: DriveMCP.serve('/mcp'),
  defaultHandler: loginHandler,
  authorizeEndpoint: '/authorize',
  tokenEndpoint: '/token',
  clientRegistrationEndpoint: '/register',
});
