// Cloudflare Worker MCP endpoint that handles tools/call by re-sending to the legacy REST API with the incoming Request's headers — Authorization included (SEC, token passthrough; AUTH: "MUST NOT accept or transit any other tokens")
interface Env {
  LEGACY_API: string; // https://legacy.example.com
}

type JsonRpc = { jsonrpc: '2.0'; id: number | string; method: string; params?: { name?: string; arguments?: Record<string, unknown> } };

const routes: Record<string, (args: Record<string, unknown>) => { method: string; path: string; body?: unknown }> = {
  get_customer: (a) => ({ method: 'GET', path: `/customers/${encodeURIComponent(String(a.id))}` }),
  update_email: (a) => ({ method: 'PATCH', path: `/customers/${encodeURIComponent(String(a.id))}`, body: { email: a.email } }),
};

function rpcResult(id: JsonRpc['id'], text: string, isError = false) {
  return Response.json({ jsonrpc: '2.0', id, result: { content: [{ type: 'text', text }], isError } });
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (new URL(request.url).pathname !== '/mcp' || request.method !== 'POST') return new Response('Not found', { status: 404 });
    if (!request.headers.get('Authorization')) {
      return new Response('Unauthorized', { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
    }
    const rpc = (await request.json()) as JsonRpc;
    if (rpc.method === 'tools/list') {
      return Response.json({ jsonrpc: '2.0', id: rpc.id, result: { tools: Object.keys(routes).map((name) => ({ name, inputSchema: { type: 'object' } })) } });
    }
    const route = rpc.method === 'tools/call' && rpc.params?.name ? routes[rpc.params.name] : undefined;
    if (!route) return Response.json({ jsonrpc: '2.0', id: rpc.id, error: { code: -32601, message: 'unknown tool' } });

    const { method, path, body } = route(rpc.params?.arguments ?? {});
    // held-out: token-passthrough
    const upstream = await fetch(`${env.LEGACY_API}${path}`, { method, headers: request.headers, body: body ? JSON.stringify(body) : undefined });
    return rpcResult(rpc.id, await upstream.text(), !upstream.ok);
  },
};
