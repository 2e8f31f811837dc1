// Bun.serve MCP endpoint (plain JS) using `import * as jose` to verify WorkOS AuthKit access tokens with the issuer only — tokens minted for any other app of the environment are accepted (AUTH: "MCP servers MUST only accept tokens specifically intended for themselves")
import * as jose from 'jose';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

const AUTHKIT_DOMAIN = Bun.env.AUTHKIT_DOMAIN ?? 'https://acme-42.authkit.app';
const keys = jose.createRemoteJWKSet(new URL('/oauth2/jwks', AUTHKIT_DOMAIN));

async function claimsFor(request) {
  const header = request.headers.get('authorization') ?? '';
  if (!/^bearer /i.test(header)) return null;
  try {
    // held-out: token-audience-not-validated
    const result = await jose.jwtVerify(header.slice(7), keys, { issuer: AUTHKIT_DOMAIN });
    return result.payload;
  } catch (error) {
    console.warn('rejected token:', error.code);
    return null;
  }
}

Bun.serve({
  port: Number(Bun.env.PORT ?? 3000),
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === '/.well-known/oauth-protected-resource') {
      return Response.json({ resource: `${url.origin}/mcp`, authorization_servers: [AUTHKIT_DOMAIN] });
    }
    if (url.pathname !== '/mcp') return new Response('Not found', { status: 404 });

    const claims = await claimsFor(request);
    if (!claims) {
      return new Response(null, { status: 401, headers: { 'WWW-Authenticate': `Bearer resource_metadata="${url.origin}/.well-known/oauth-protected-resource"` } });
    }
    const server = new McpServer({ name: 'standup-notes', version: '0.2.0' });
    server.tool('my_notes', 'Standup notes of the caller', async () => ({ content: [{ type: 'text', text: `notes of ${claims.sub}` }] }));
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await server.connect(transport);
    return transport.handleRequest(request);
  },
});
