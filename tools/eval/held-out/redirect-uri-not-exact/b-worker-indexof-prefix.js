// Cloudflare Worker acting as the authorization server of a remote MCP server; redirect_uri is accepted when a registered URI is its prefix (indexOf === 0) — spec (security considerations): "Authorization servers MUST validate exact redirect URIs against pre-registered values."
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname !== '/authorize') return new Response('not found', { status: 404 });

    const clientId = url.searchParams.get('client_id');
    const redirectUri = url.searchParams.get('redirect_uri') || '';
    const record = await env.CLIENTS.get(`client:${clientId}`, { type: 'json' });
    if (!record) return new Response('unknown client', { status: 400 });

    // held-out: redirect-uri-not-exact
    const ok = record.redirect_uris.find((registered) => redirectUri.indexOf(registered) === 0);
    if (!ok) return new Response('redirect_uri mismatch', { status: 400 });

    const code = crypto.randomUUID();
    await env.CODES.put(`code:${code}`, JSON.stringify({ clientId, redirectUri, challenge: url.searchParams.get('code_challenge') }), { expirationTtl: 120 });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    target.searchParams.set('state', url.searchParams.get('state') || '');
    return Response.redirect(target.toString(), 302);
  },
};
