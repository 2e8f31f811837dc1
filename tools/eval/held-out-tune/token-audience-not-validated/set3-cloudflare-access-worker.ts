// Cloudflare Worker MCP server behind Cloudflare Access: verifies the Cf-Access-Jwt-Assertion against the team's certs without the application's AUD tag, so a token for any app of the team is accepted (AUTH: tokens must be "issued specifically for them as the intended audience")
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { McpAgent } from 'agents/mcp';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

interface Env {
  TEAM_DOMAIN: string; // https://acme.cloudflareaccess.com
  POLICY_AUD: string;
  MCP_OBJECT: DurableObjectNamespace;
}

export class WikiMCP extends McpAgent<Env> {
  server = new McpServer({ name: 'wiki', version: '1.0.0' });
  async init() {
    this.server.tool('recent_pages', 'Recently edited wiki pages', async () => ({ content: [{ type: 'text', text: '[]' }] }));
  }
}

let certs: ReturnType<typeof createRemoteJWKSet> | undefined;

async function verifyAccess(request: Request, env: Env) {
  const assertion = request.headers.get('cf-access-jwt-assertion');
  if (!assertion) return null;
  certs ??= createRemoteJWKSet(new URL(`${env.TEAM_DOMAIN}/cdn-cgi/access/certs`));
  try {
    // held-out: token-audience-not-validated
    const { payload } = await jwtVerify(assertion, certs, { issuer: env.TEAM_DOMAIN });
    return payload;
  } catch {
    return null;
  }
}

const mcpHandler = WikiMCP.serve('/mcp');

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname.startsWith('/mcp')) {
      const identity = await verifyAccess(request, env);
      if (!identity) return new Response('Forbidden', { status: 403 });
      ctx.props = { email: identity.email };
      return mcpHandler.fetch(request, env, ctx);
    }
    return new Response('Not found', { status: 404 });
  },
};
