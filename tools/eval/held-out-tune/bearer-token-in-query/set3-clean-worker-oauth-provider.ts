// held-out: clean — workers-oauth-provider reads the bearer token from the Authorization header; the handler's query reads are the authorize request's parameters
// Cloudflare Worker MCP server wrapped in OAuthProvider with a default handler for the consent screen
import OAuthProvider from '@cloudflare/workers-oauth-provider';
import { McpAgent } from 'agents/mcp';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

export class NotesMcp extends McpAgent {
  server = new McpServer({ name: 'notes', version: '1.0.0' });
  async init() {
    this.server.tool('ping', {}, async () => ({ content: [{ type: 'text', text: 'pong' }] }));
  }
}

const defaultHandler = {
  async fetch(request: Request, env: any): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === '/authorize') {
      const oauthReqInfo = await env.OAUTH_PROVIDER.parseAuthRequest(request);
      const client = await env.OAUTH_PROVIDER.lookupClient(oauthReqInfo.clientId);
      const scope = url.searchParams.get('scope') ?? '';
      return new Response(`<h1>Allow ${client?.clientName ?? 'this app'} (${scope})?</h1>`, {
        headers: { 'content-type': 'text/html' },
      });
    }
    return new Response('Not found', { status: 404 });
  },
};

export default new OAuthProvider({
  apiRoute: '/mcp',
  apiHandler: NotesMcp.serve('/mcp') as any,
  defaultHandler: defaultHandler as any,
  authorizeEndpoint: '/authorize',
  tokenEndpoint: '/token',
  clientRegistrationEndpoint: '/register',
});
