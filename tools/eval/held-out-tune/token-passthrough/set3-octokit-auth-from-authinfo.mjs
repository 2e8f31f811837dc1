// ESM MCP server that builds an Octokit client from the MCP request's authInfo token (SEC, token passthrough: "The access token used at the upstream API is a separate token, issued by the upstream authorization server")
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { Octokit } from '@octokit/rest';
import { z } from 'zod';

export function createGithubServer() {
  const server = new McpServer({ name: 'octo-mcp', version: '2.0.1' });

  const octokitFor = (authInfo) => {
    if (!authInfo?.token) throw new Error('not authenticated');
    // held-out: token-passthrough
    return new Octokit({ auth: authInfo.token, userAgent: 'octo-mcp/2.0.1' });
  };

  server.tool(
    'create_issue',
    'Open an issue',
    { owner: z.string(), repo: z.string(), title: z.string(), body: z.string().default('') },
    async ({ owner, repo, title, body }, { authInfo }) => {
      const octokit = octokitFor(authInfo);
      const { data } = await octokit.rest.issues.create({ owner, repo, title, body });
      return { content: [{ type: 'text', text: `Created ${data.html_url}` }] };
    },
  );

  server.tool('my_repos', 'Repositories of the caller', {}, async (_args, { authInfo }) => {
    const octokit = octokitFor(authInfo);
    const repos = await octokit.paginate(octokit.rest.repos.listForAuthenticatedUser, { per_page: 100 });
    return { content: [{ type: 'text', text: repos.map((r) => r.full_name).join('\n') }] };
  });

  return server;
}
