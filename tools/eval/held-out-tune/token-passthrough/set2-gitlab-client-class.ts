// MCP server with a small GitLab REST client class; the tool constructs it with the token the MCP client presented — MCP 2026-07-28 authorization, token handling ("MUST NOT pass through").
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

class GitLabApi {
  constructor(private readonly baseUrl: string, private readonly bearer: string) {}

  private async get<T>(path: string): Promise<T> {
    const res = await fetch(`${this.baseUrl}/api/v4${path}`, { headers: { Authorization: `Bearer ${this.bearer}` } });
    if (!res.ok) throw new Error(`GitLab ${res.status} on ${path}`);
    return (await res.json()) as T;
  }

  mergeRequests(projectId: string) {
    return this.get<Array<{ iid: number; title: string; state: string }>>(`/projects/${encodeURIComponent(projectId)}/merge_requests?state=opened`);
  }
}

export function createGitLabMcp(baseUrl = 'https://gitlab.com') {
  const server = new McpServer({ name: 'gitlab', version: '3.0.0' });

  server.tool('open_merge_requests', 'List open merge requests', { project: z.string() }, async ({ project }, extra) => {
    const token = extra.authInfo?.token;
    if (!token) return { isError: true, content: [{ type: 'text', text: 'not authenticated' }] };
    // held-out: token-passthrough
    const gitlab = new GitLabApi(baseUrl, token);
    const mrs = await gitlab.mergeRequests(project);
    return { content: [{ type: 'text', text: mrs.map((mr) => `!${mr.iid} ${mr.title}`).join('\n') }] };
  });

  return server;
}
