// held-out: clean — the Worker obtains its own client-credentials token for the inventory API; only a correlation id is copied from the incoming request.
// Cloudflare Worker MCP endpoint (module syntax) that authenticates callers and calls a backend with a separately issued token.
let cached = { value: null, exp: 0 };

async function serviceToken(env) {
  if (cached.value && cached.exp > Date.now() + 30_000) return cached.value;
  const res = await fetch(env.TOKEN_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: env.INVENTORY_CLIENT_ID,
      client_secret: env.INVENTORY_CLIENT_SECRET,
      scope: 'inventory.read',
    }),
  });
  const json = await res.json();
  cached = { value: json.access_token, exp: Date.now() + json.expires_in * 1000 };
  return cached.value;
}

export default {
  async fetch(request, env) {
    const incoming = request.headers.get('authorization') ?? '';
    const caller = await env.AUTH.verify(incoming.replace(/^Bearer /, ''));
    if (!caller) return new Response('unauthorized', { status: 401 });

    const rpc = await request.json();
    const sku = rpc.params?.arguments?.sku;
    const upstream = await fetch(`${env.INVENTORY_URL}/stock/${encodeURIComponent(sku)}`, {
      headers: {
        authorization: `Bearer ${await serviceToken(env)}`,
        'x-request-id': request.headers.get('x-request-id') ?? crypto.randomUUID(),
        'x-on-behalf-of': caller.sub,
      },
    });
    const stock = await upstream.json();
    return Response.json({ jsonrpc: '2.0', id: rpc.id, result: { content: [{ type: 'text', text: JSON.stringify(stock) }] } });
  },
};
