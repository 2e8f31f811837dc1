// Cloudflare Worker authorization endpoint trusting any redirect URI on a subdomain of the company domain; MCP security considerations, open redirection; RFC 9700 §4.1.
export interface Env { CODES: KVNamespace }

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname !== '/authorize') return new Response('Not found', { status: 404 });

    const redirectUri = url.searchParams.get('redirect_uri');
    if (!redirectUri) return new Response('redirect_uri required', { status: 400 });
    const target = new URL(redirectUri);
    // held-out: redirect-uri-not-exact
    if (target.protocol !== 'https:' || !target.hostname.endsWith('.corp-tools.example')) {
      return new Response('redirect_uri not allowed', { status: 400 });
    }

    const code = crypto.randomUUID();
    await env.CODES.put(code, JSON.stringify({
      clientId: url.searchParams.get('client_id'),
      redirectUri,
      challenge: url.searchParams.get('code_challenge'),
    }), { expirationTtl: 120 });
    target.searchParams.set('code', code);
    const state = url.searchParams.get('state');
    if (state) target.searchParams.set('state', state);
    return Response.redirect(target.toString(), 302);
  },
};
