// Cloudflare Worker MCP endpoint that strips "Bearer " and compares the token with env.MCP_AUTH_TOKEN by !== (Cloudflare: use crypto.subtle.timingSafeEqual; CWE-208).
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { registerD1Tools } from './tools';

interface Env {
  MCP_AUTH_TOKEN: string;
  DB: D1Database;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const authorization = request.headers.get('Authorization') ?? '';
    const token = authorization.replace(/^Bearer\s+/i, '');
    // held-out: secret-compare-not-constant-time
    if (!token || token !== env.MCP_AUTH_TOKEN) {
      return new Response(JSON.stringify({ error: 'unauthorized' }), { status: 401, headers: { 'content-type': 'application/json', 'WWW-Authenticate': 'Bearer' } });
    }
    const server = new McpServer({ name: 'd1-sql', version: '0.1.0' });
    registerD1Tools(server, env.DB);
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await server.connect(transport);
    return transport.handleRequest(request);
  },
};
