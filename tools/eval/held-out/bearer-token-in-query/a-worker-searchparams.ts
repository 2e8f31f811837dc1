// bearer-token-in-query: a Cloudflare Worker MCP endpoint authenticates with url.searchParams.get('token') — AUTH "Access tokens MUST NOT be included in the URI query string"
import { verifyToken } from './auth';

export interface Env {
  JWKS_URL: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname !== '/mcp') return new Response('not found', { status: 404 });
    // held-out: bearer-token-in-query
    const credential = url.searchParams.get('token');
    if (!credential) {
      return new Response('unauthorized', { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
    }
    const claims = await verifyToken(credential, env.JWKS_URL);
    if (!claims) return new Response('invalid token', { status: 401 });
    return Response.json({ jsonrpc: '2.0', id: null, result: { sub: claims.sub } });
  },
};
