// held-out: clean — a Cloudflare Worker behind workers-oauth-provider: it is not a local server listening on a loopback or LAN interface, and every MCP request is authenticated
// Remote MCP server on Workers (agents McpAgent) with the OAuth provider wrapping the /mcp route
import OAuthProvider from '@cloudflare/workers-oauth-provider';
import { McpAgent } from 'agents/mcp';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { AuthHandler } from './auth-handler';

type Props = { login: string; accessToken: string };

export class GithubMcp extends McpAgent<Env, unknown, Props> {
  server = new McpServer({ name: 'github-remote', version: '1.0.0' });

  async init() {
    this.server.tool('repos', { owner: z.string() }, async ({ owner }) => {
      const res = await fetch(`https://api.github.com/users/${owner}/repos`, {
        headers: { 'user-agent': 'github-remote-mcp', authorization: `Bearer ${this.props.accessToken}` },
      });
      return { content: [{ type: 'text', text: await res.text() }] };
    });
  }
}

export default new OAuthProvider({
  apiRoute: '/mcp',
  apiHandler: GithubMcp.serve('/mcp') as any,
  defaultHandler: AuthHandler as any,
  authorizeEndpoint: '/authorize',
  tokenEndpoint: '/token',
  clientRegistrationEndpoint: '/register',
});
