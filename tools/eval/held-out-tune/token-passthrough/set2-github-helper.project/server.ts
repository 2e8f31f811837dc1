// MCP server whose tool passes the MCP client's bearer token (extra.authInfo.token) to a GitHub helper in another file — MCP 2026-07-28 authorization, token handling ("MUST NOT pass through").
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { listRepos } from './github.js';

export const server = new McpServer({ name: 'github-repos', version: '1.0.0' });

server.tool('my_repos', { visibility: z.enum(['all', 'public', 'private']).optional() }, async ({ visibility }, extra) => {
  const incoming = extra.authInfo;
  if (!incoming) throw new Error('unauthenticated');
  // held-out: token-passthrough
  const repos = await listRepos(incoming.token, visibility);
  return {
    content: [{ type: 'text', text: repos.map((r) => `${r.full_name}${r.private ? ' (private)' : ''} ★${r.stargazers_count}`).join('\n') }],
  };
});
