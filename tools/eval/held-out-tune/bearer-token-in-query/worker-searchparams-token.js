// Cloudflare Worker MCP endpoint reading the access token from the URL's searchParams and verifying it — AUTH: tokens MUST NOT be in the query string.
import { createRemoteJWKSet, jwtVerify } from 'jose';

const JWKS = createRemoteJWKSet(new URL('https://login.example.com/.well-known/jwks.json'));

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname !== '/mcp') return new Response('not found', { status: 404 });
    // held-out: bearer-token-in-query
    const token = url.searchParams.get('token');
    if (!token) return new Response('unauthorized', { status: 401 });
    const { payload } = await jwtVerify(token, JWKS, { audience: env.RESOURCE_URL, issuer: 'https://login.example.com/' });
    return env.MCP.fetch(new Request(request, { headers: { ...Object.fromEntries(request.headers), 'x-user': payload.sub } }));
  },
};
