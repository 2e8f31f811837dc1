// Cloudflare Worker authorization endpoint that trusts any redirect_uri whose hostname ends with the customer's domain string — MCP 2026-07-28 security best practices ("exact string matching").
export interface Env {
  OAUTH_KV: KVNamespace;
  CUSTOMER_DOMAIN: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname !== '/authorize') return new Response('not found', { status: 404 });

    const redirectUri = url.searchParams.get('redirect_uri');
    if (!redirectUri) return new Response('missing redirect_uri', { status: 400 });
    const target = new URL(redirectUri);
    // held-out: redirect-uri-not-exact
    if (target.protocol !== 'https:' || !target.hostname.endsWith(env.CUSTOMER_DOMAIN)) {
      return new Response('redirect_uri not permitted', { status: 400 });
    }

    const code = crypto.randomUUID();
    await env.OAUTH_KV.put(`code:${code}`, JSON.stringify({ clientId: url.searchParams.get('client_id'), redirectUri, challenge: url.searchParams.get('code_challenge') }), { expirationTtl: 120 });
    target.searchParams.set('code', code);
    target.searchParams.set('state', url.searchParams.get('state') ?? '');
    return Response.redirect(target.toString(), 302);
  },
};
