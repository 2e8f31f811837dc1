// held-out: clean — Worker makes state with crypto.getRandomValues, stores it in KV bound to the session with a TTL, and deletes it on first use before exchanging the code.
// Cloudflare Worker MCP proxy to an upstream OAuth provider; MCP BP state parameter (MUST for proxies).
interface Env { FLOWS: KVNamespace; UPSTREAM_CLIENT_ID: string; UPSTREAM_CLIENT_SECRET: string }

function randomToken(bytes = 32): string {
  const buf = new Uint8Array(bytes);
  crypto.getRandomValues(buf);
  return btoa(String.fromCharCode(...buf)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    const sessionId = request.headers.get('cookie')?.match(/__Host-sid=([\w-]+)/)?.[1];
    if (!sessionId) return new Response('no session', { status: 401 });

    if (url.pathname === '/upstream/start') {
      const state = randomToken();
      await env.FLOWS.put(`state:${state}`, sessionId, { expirationTtl: 600 });
      const target = new URL('https://oauth.asana-like.example/authorize');
      target.search = new URLSearchParams({ client_id: env.UPSTREAM_CLIENT_ID, redirect_uri: `${url.origin}/upstream/callback`, response_type: 'code', state }).toString();
      return Response.redirect(target.href, 302);
    }

    if (url.pathname === '/upstream/callback') {
      const state = url.searchParams.get('state') ?? '';
      const owner = await env.FLOWS.get(`state:${state}`);
      await env.FLOWS.delete(`state:${state}`);
      if (!owner || owner !== sessionId) return new Response('invalid state', { status: 400 });
      const res = await fetch('https://oauth.asana-like.example/token', {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: url.searchParams.get('code') ?? '',
          client_id: env.UPSTREAM_CLIENT_ID,
          client_secret: env.UPSTREAM_CLIENT_SECRET,
          redirect_uri: `${url.origin}/upstream/callback`,
        }),
      });
      return new Response(res.ok ? 'connected' : 'exchange failed', { status: res.ok ? 200 : 502 });
    }
    return new Response('not found', { status: 404 });
  },
};
