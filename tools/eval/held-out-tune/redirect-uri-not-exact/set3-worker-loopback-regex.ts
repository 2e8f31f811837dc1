// Cloudflare Worker authorization endpoint: registered URIs match exactly, but any URI matching an unanchored localhost regex is also accepted — security best practices: "exact string matching (not pattern matching or wildcards)"; RFC 8252 §7.3 lets only the loopback port vary
interface Env {
  CLIENTS: KVNamespace;
  CODES: KVNamespace;
}

interface ClientRecord {
  client_id: string;
  redirect_uris: string[];
}

const LOCAL_DEV = /^https?:\/\/localhost(:\d+)?/;

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname !== '/authorize') return new Response('Not found', { status: 404 });
    const clientId = url.searchParams.get('client_id') ?? '';
    const redirectUri = url.searchParams.get('redirect_uri') ?? '';
    const client = await env.CLIENTS.get<ClientRecord>(clientId, 'json');
    if (!client) return Response.json({ error: 'invalid_client' }, { status: 401 });
    const registered = client.redirect_uris.includes(redirectUri);
    // held-out: redirect-uri-not-exact
    const localDev = redirectUri.match(LOCAL_DEV) !== null;
    if (!registered && !localDev) {
      return Response.json({ error: 'invalid_request', error_description: 'unregistered redirect_uri' }, { status: 400 });
    }
    const code = crypto.randomUUID();
    await env.CODES.put(code, JSON.stringify({ clientId, redirectUri, challenge: url.searchParams.get('code_challenge') }), {
      expirationTtl: 120,
    });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    const state = url.searchParams.get('state');
    if (state) target.searchParams.set('state', state);
    return Response.redirect(target.toString(), 302);
  },
};
