// held-out: clean — the Worker encodes both values and uses crypto.subtle.timingSafeEqual after a length check, as Cloudflare documents.
// Cloudflare Worker fronting a remote MCP server with a shared API token; CWE-208 mitigation.
interface Env { MCP_API_TOKEN: string; MCP_ORIGIN: Fetcher }

const encoder = new TextEncoder();

function constantTimeEquals(a: string, b: string): boolean {
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  if (left.byteLength !== right.byteLength) return false;
  return crypto.subtle.timingSafeEqual(left, right);
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const presented = request.headers.get('Authorization')?.replace(/^Bearer\s+/i, '') ?? '';
    if (!presented || !constantTimeEquals(presented, env.MCP_API_TOKEN)) {
      return new Response('Unauthorized', { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
    }
    return env.MCP_ORIGIN.fetch(request);
  },
};
