// held-out: clean — the Worker authenticates with the Authorization header (auth.ts); url.searchParams supplies only page_token and q for the listing
// Cloudflare Worker exposing an MCP resource listing (AUTH: access tokens MUST NOT be in the URI query string).
import { bearerFrom } from './auth';
import { verify } from './verify';

export default {
  async fetch(request: Request, env: { ISSUER: string }): Promise<Response> {
    const credential = bearerFrom(request);
    if (!credential || !(await verify(credential, env.ISSUER))) {
      return new Response(null, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
    }
    const url = new URL(request.url);
    const pageToken = url.searchParams.get('page_token') ?? '';
    const q = url.searchParams.get('q') ?? '';
    const upstream = await fetch(`https://search.internal.example.com/v1/items?q=${encodeURIComponent(q)}&page_token=${encodeURIComponent(pageToken)}`);
    return new Response(upstream.body, { headers: { 'content-type': 'application/json' } });
  },
};
