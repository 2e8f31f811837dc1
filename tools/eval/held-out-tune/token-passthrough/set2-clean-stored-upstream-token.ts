// held-out: clean — Octokit gets the GitHub token this server obtained in its own OAuth flow, looked up by the verified user id; the MCP token stays here
// MCP server acting as its own authorization server whose tools use per-user upstream tokens from a store (MCP 2026-07-28 authorization, token handling, third-party authorization flow).
import { Octokit } from '@octokit/rest';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { UpstreamTokenStore } from './store.js';

export function githubTools(store: UpstreamTokenStore) {
  const server = new McpServer({ name: 'gh-issues', version: '2.0.0' });

  server.registerTool(
    'create_issue',
    { description: 'Open an issue', inputSchema: { owner: z.string(), repo: z.string(), title: z.string(), body: z.string().optional() } },
    async ({ owner, repo, title, body }, { authInfo }) => {
      const userId = authInfo?.extra?.sub as string | undefined;
      if (!userId) throw new Error('no user bound to this token');
      const upstream = await store.githubTokenFor(userId);
      if (!upstream) return { isError: true, content: [{ type: 'text', text: 'Connect GitHub first' }] };
      const octokit = new Octokit({ auth: upstream.accessToken });
      const { data } = await octokit.rest.issues.create({ owner, repo, title, body });
      return { content: [{ type: 'text', text: data.html_url }] };
    },
  );

  return server;
}
