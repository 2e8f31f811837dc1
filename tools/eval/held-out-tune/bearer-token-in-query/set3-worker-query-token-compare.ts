// Cloudflare Worker MCP endpoint that authenticates by comparing ?token= with a configured secret — MCP authorization: "Access tokens MUST NOT be included in the URI query string"
export interface Env {
  MCP_TOKEN: string;
}

async function handleRpc(request: Request): Promise<Response> {
  const rpc = (await request.json()) as { id: number | string; method: string };
  if (rpc.method === 'tools/list') {
    return Response.json({ jsonrpc: '2.0', id: rpc.id, result: { tools: [] } });
  }
  return Response.json({ jsonrpc: '2.0', id: rpc.id, error: { code: -32601, message: 'Method not found' } });
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname !== '/mcp') {
      return new Response('not found', { status: 404 });
    }
    // held-out: bearer-token-in-query
    if (url.searchParams.get('token') !== env.MCP_TOKEN) {
      return new Response(JSON.stringify({ error: 'unauthorized' }), {
        status: 401,
        headers: { 'content-type': 'application/json' },
      });
    }
    return handleRpc(request);
  },
};
