// Cloudflare Worker MCP endpoint that, after checking the bearer token exists, sends the same token on to the weather provider — spec (security considerations): "The MCP server MUST NOT pass through the token it received from the MCP client."
const PROVIDER = 'https://api.weather-provider.example/v2';

async function forecast(city, clientBearer) {
  const url = `${PROVIDER}/forecast?city=${encodeURIComponent(city)}`;
  const init = {
    method: 'GET',
    headers: new Headers({ Accept: 'application/json' }),
  };
  // held-out: token-passthrough
  init.headers.set('Authorization', `Bearer ${clientBearer}`);
  const r = await fetch(url, init);
  return r.json();
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname !== '/mcp' || request.method !== 'POST') {
      return new Response('not found', { status: 404 });
    }
    const match = /^Bearer (.+)$/.exec(request.headers.get('Authorization') || '');
    if (!match) {
      return new Response(null, {
        status: 401,
        headers: { 'WWW-Authenticate': `Bearer resource_metadata="${env.PUBLIC_URL}/.well-known/oauth-protected-resource"` },
      });
    }
    const rpc = await request.json();
    if (rpc.method === 'tools/call' && rpc.params.name === 'forecast') {
      const data = await forecast(rpc.params.arguments.city, match[1]);
      return Response.json({ jsonrpc: '2.0', id: rpc.id, result: { content: [{ type: 'text', text: JSON.stringify(data) }] } });
    }
    return Response.json({ jsonrpc: '2.0', id: rpc.id, error: { code: -32601, message: 'unsupported' } });
  },
};
