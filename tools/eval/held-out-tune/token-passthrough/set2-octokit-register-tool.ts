// GitHub MCP server: registerTool handler destructures authInfo from the request extra and builds an Octokit client with the MCP client's token — MCP 2026-07-28 authorization, token handling.
import { Octokit } from '@octokit/rest';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

export function registerGithubTools(server: McpServer) {
  server.registerTool(
    'list_pull_requests',
    {
      title: 'List pull requests',
      description: 'Open pull requests of a repository',
      inputSchema: { owner: z.string(), repo: z.string(), state: z.enum(['open', 'closed', 'all']).default('open') },
    },
    async ({ owner, repo, state }, { authInfo }) => {
      if (!authInfo) throw new Error('authentication required');
      // held-out: token-passthrough
      const octokit = new Octokit({ auth: authInfo.token, userAgent: 'gh-mcp/2.3.0' });
      const { data } = await octokit.rest.pulls.list({ owner, repo, state, per_page: 50 });
      return {
        content: [{ type: 'text', text: data.map((pr) => `#${pr.number} ${pr.title} (${pr.user?.login})`).join('\n') }],
      };
    },
  );
}
