// held-out: clean — Cloudflare Workers' crypto.subtle.timingSafeEqual compares the bearer token with the secret (after an equal-length check)
// Worker MCP endpoint authenticated with a shared secret binding
interface Env {
  MCP_AUTH_TOKEN: string;
}

const encoder = new TextEncoder();

function tokenMatches(presented: string, expected: string): boolean {
  const a = encoder.encode(presented);
  const b = encoder.encode(expected);
  if (a.byteLength !== b.byteLength) return false;
  return crypto.subtle.timingSafeEqual(a, b);
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const header = request.headers.get('Authorization') ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!token || !tokenMatches(token, env.MCP_AUTH_TOKEN)) {
      return new Response('Unauthorized', { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
    }
    const rpc = (await request.json()) as { id: number; method: string };
    if (rpc.method === 'tools/list') {
      return Response.json({ jsonrpc: '2.0', id: rpc.id, result: { tools: [{ name: 'echo', inputSchema: { type: 'object' } }] } });
    }
    return Response.json({ jsonrpc: '2.0', id: rpc.id, result: { content: [{ type: 'text', text: 'echo' }] } });
  },
};
