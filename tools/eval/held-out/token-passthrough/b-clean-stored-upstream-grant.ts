// held-out: clean — the GitHub call uses the upstream token the user granted to this server (looked up by subject), not the MCP access token.
// MCP server acting as its own OAuth client to GitHub: the MCP token identifies the user; the stored GitHub token authorises the API call.
import { Octokit } from '@octokit/rest';
import { z } from 'zod';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { upstreamTokens } from './store.js';

async function octokitForUser(authInfo: AuthInfo): Promise<Octokit> {
  const subject = String(authInfo.extra?.sub ?? '');
  const grant = await upstreamTokens.get(subject);
  if (!grant) {
    throw new Error('GitHub account not linked; complete the consent flow first');
  }
  return new Octokit({ auth: grant.githubAccessToken, userAgent: 'repo-mcp/1.0' });
}

export function registerRepoTools(server: McpServer) {
  server.registerTool(
    'list_repos',
    { description: 'List repositories of the linked GitHub account', inputSchema: { visibility: z.enum(['all', 'public', 'private']).default('all') } },
    async ({ visibility }, extra) => {
      if (!extra.authInfo) throw new Error('unauthenticated');
      const octokit = await octokitForUser(extra.authInfo);
      const { data } = await octokit.rest.repos.listForAuthenticatedUser({ visibility, per_page: 100 });
      return { content: [{ type: 'text', text: data.map((r) => r.full_name).join('\n') }] };
    },
  );
}
