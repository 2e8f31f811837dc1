// held-out: clean — this.props.accessToken is the GitHub token the server got in its own upstream OAuth flow (stored by completeAuthorization), not the MCP client's token
// Cloudflare Worker MCP server on @cloudflare/workers-oauth-provider + McpAgent (MCP 2026-07-28 authorization, third-party authorization flow; the provider issues its own tokens to MCP clients).
import OAuthProvider from '@cloudflare/workers-oauth-provider';
import { McpAgent } from 'agents/mcp';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { Octokit } from 'octokit';
import { z } from 'zod';
import { GitHubHandler } from './github-handler.js';

type Props = { login: string; name: string; accessToken: string };

export class GitHubMCP extends McpAgent<Env, unknown, Props> {
  server = new McpServer({ name: 'GitHub via Workers', version: '1.0.0' });

  async init() {
    this.server.tool('starred', 'Repositories you starred', { limit: z.number().max(100).default(30) }, async ({ limit }) => {
      const octokit = new Octokit({ auth: this.props.accessToken });
      const { data } = await octokit.rest.activity.listReposStarredByAuthenticatedUser({ per_page: limit });
      return { content: [{ type: 'text', text: data.map((r) => r.full_name).join('\n') }] };
    });
  }
}

export default new OAuthProvider({
  apiRoute: '/mcp',
  apiHandler: GitHubMCP.serve('/mcp'),
  defaultHandler: GitHubHandler,
  authorizeEndpoint: '/authorize',
  tokenEndpoint: '/token',
  clientRegistrationEndpoint: '/register',
});
