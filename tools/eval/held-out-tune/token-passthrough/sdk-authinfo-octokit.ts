// McpServer tool builds an Octokit client from extra.authInfo.token (the token requireBearerAuth verified) — AUTH: "MUST NOT pass through the token it received from the MCP client".
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { Octokit } from '@octokit/rest';
import { z } from 'zod';

export function registerIssueTools(server: McpServer): void {
  server.registerTool(
    'create_issue',
    {
      description: 'Open an issue in a repository',
      inputSchema: { owner: z.string(), repo: z.string(), title: z.string(), body: z.string().optional() },
    },
    async ({ owner, repo, title, body }, extra) => {
      if (!extra.authInfo) throw new Error('not authenticated');
      // held-out: token-passthrough
      const octokit = new Octokit({ auth: extra.authInfo.token, userAgent: 'issues-mcp/0.3' });
      const { data } = await octokit.rest.issues.create({ owner, repo, title, body });
      return { content: [{ type: 'text', text: `Created #${data.number}: ${data.html_url}` }] };
    },
  );
}
