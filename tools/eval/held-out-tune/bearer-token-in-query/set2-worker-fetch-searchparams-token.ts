// Cloudflare Worker MCP endpoint that accepts the access token as ?token= and verifies it (MCP authorization: "Access tokens MUST NOT be included in the URI query string"; clients MUST send Authorization: Bearer).
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { verifyAccessToken } from './verify';
import { registerTools } from './tools';

export interface Env {
  OAUTH_ISSUER: string;
  KV: KVNamespace;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname !== '/mcp') return new Response('Not found', { status: 404 });

    // held-out: bearer-token-in-query
    const token = url.searchParams.get('token') ?? '';
    const auth = await verifyAccessToken(token, env.OAUTH_ISSUER);
    if (!auth) {
      return new Response('Unauthorized', { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
    }

    const server = new McpServer({ name: 'edge-kv', version: '0.2.0' });
    registerTools(server, env.KV, auth.sub);
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await server.connect(transport);
    return transport.handleRequest(request);
  },
} satisfies ExportedHandler<Env>;
