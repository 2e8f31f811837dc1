// held-out: clean — the GitHub token used by the tools is the one this server obtained as an OAuth client in its own callback (stored in props), not the MCP client's token (near-miss)
// Cloudflare Workers MCP server with workers-oauth-provider and GitHub as the upstream identity provider
import OAuthProvider, { type AuthRequest, type OAuthHelpers } from '@cloudflare/workers-oauth-provider';
import { McpAgent } from 'agents/mcp';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { Octokit } from 'octokit';

interface Env {
  OAUTH_PROVIDER: OAuthHelpers;
  GITHUB_CLIENT_ID: string;
  GITHUB_CLIENT_SECRET: string;
}
type Props = { login: string; accessToken: string };

export class GitHubMCP extends McpAgent<Env, unknown, Props> {
  server = new McpServer({ name: 'github-remote', version: '1.0.0' });

  async init() {
    this.server.tool('my_profile', 'The signed-in GitHub user', async () => {
      const octokit = new Octokit({ auth: this.props.accessToken });
      const { data } = await octokit.rest.users.getAuthenticated();
      return { content: [{ type: 'text', text: `${data.login} (${data.public_repos} public repos)` }] };
    });
  }
}

const githubHandler = {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === '/authorize') {
      const oauthReq = await env.OAUTH_PROVIDER.parseAuthRequest(request);
      const gh = new URL('https://github.com/login/oauth/authorize');
      gh.search = new URLSearchParams({ client_id: env.GITHUB_CLIENT_ID, redirect_uri: `${url.origin}/callback`, scope: 'read:user', state: btoa(JSON.stringify(oauthReq)) }).toString();
      return Response.redirect(gh.href, 302);
    }
    if (url.pathname === '/callback') {
      const oauthReq = JSON.parse(atob(url.searchParams.get('state') ?? '')) as AuthRequest;
      const tokenRes = await fetch('https://github.com/login/oauth/access_token', {
        method: 'POST',
        headers: { Accept: 'application/json' },
        body: new URLSearchParams({ client_id: env.GITHUB_CLIENT_ID, client_secret: env.GITHUB_CLIENT_SECRET, code: url.searchParams.get('code') ?? '' }),
      });
      const { access_token } = (await tokenRes.json()) as { access_token: string };
      const { data: user } = await new Octokit({ auth: access_token }).rest.users.getAuthenticated();
      const { redirectTo } = await env.OAUTH_PROVIDER.completeAuthorization({
        request: oauthReq,
        userId: user.login,
        metadata: { label: user.name },
        scope: oauthReq.scope,
        props: { login: user.login, accessToken: access_token } satisfies Props,
      });
      return Response.redirect(redirectTo, 302);
    }
    return new Response('Not found', { status: 404 });
  },
};

export default new OAuthProvider({
  apiRoute: '/mcp',
  apiHandler: GitHubMCP.serve('/mcp'),
  defaultHandler: githubHandler,
  authorizeEndpoint: '/authorize',
  tokenEndpoint: '/token',
  clientRegistrationEndpoint: '/register',
});
