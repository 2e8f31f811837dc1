// Cloudflare Worker MCP endpoint that reads the access token from the request URL's query — spec (authorization, token requirements): "Access tokens MUST NOT be included in the URI query string."
import { jwtVerify, createRemoteJWKSet } from 'jose';

const JWKS = createRemoteJWKSet(new URL('https://auth.edge-mcp.example.com/.well-known/jwks.json'));

async function authenticate(request) {
  const { searchParams } = new URL(request.url);
  // held-out: bearer-token-in-query
  const accessToken = searchParams.get('access_token');
  if (!accessToken) return null;
  const { payload } = await jwtVerify(accessToken, JWKS, { issuer: 'https://auth.edge-mcp.example.com', audience: 'https://edge-mcp.example.com/mcp' });
  return payload;
}

export default {
  async fetch(request, env, ctx) {
    let claims;
    try {
      claims = await authenticate(request);
    } catch {
      claims = null;
    }
    if (!claims) {
      return new Response(null, { status: 401, headers: { 'WWW-Authenticate': 'Bearer resource_metadata="https://edge-mcp.example.com/.well-known/oauth-protected-resource"' } });
    }
    return env.MCP.fetch(request, { headers: { 'x-user': claims.sub } });
  },
};
