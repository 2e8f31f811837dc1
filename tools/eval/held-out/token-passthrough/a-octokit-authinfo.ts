// token-passthrough: a tool builds an Octokit client with the MCP access token as its auth — SEC "The MCP server MUST NOT pass through the token it received from the MCP client."
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { Octokit } from '@octokit/rest';
import { z } from 'zod';

export function registerRepoTools(server: McpServer) {
  server.tool(
    'create_pull_request',
    'Open a pull request',
    { owner: z.string(), repo: z.string(), head: z.string(), base: z.string(), title: z.string() },
    async ({ owner, repo, head, base, title }, { authInfo }) => {
      if (!authInfo) {
        throw new Error('not authenticated');
      }
      // held-out: token-passthrough
      const gh = new Octokit({ auth: authInfo.token, userAgent: 'repo-mcp/1.4' });
      const { data } = await gh.rest.pulls.create({ owner, repo, head, base, title });
      return { content: [{ type: 'text', text: data.html_url }] };
    },
  );
}
