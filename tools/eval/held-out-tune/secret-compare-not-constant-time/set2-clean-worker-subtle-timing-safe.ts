// held-out: clean — the Worker compares the bearer token with crypto.subtle.timingSafeEqual on equal-length byte arrays, as Cloudflare documents
// Cloudflare Worker MCP endpoint with a shared-secret bearer token (CWE-208 defence).
import { handleMcpRequest } from './mcp';

interface Env {
  MCP_SHARED_SECRET: string;
}

const encoder = new TextEncoder();

function tokensMatch(presented: string, expected: string): boolean {
  const a = encoder.encode(presented);
  const b = encoder.encode(expected);
  if (a.byteLength !== b.byteLength) return false;
  return crypto.subtle.timingSafeEqual(a, b);
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const header = request.headers.get('authorization') ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token || !tokensMatch(token, env.MCP_SHARED_SECRET)) {
      return new Response('Unauthorized', { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
    }
    return handleMcpRequest(request, env);
  },
} satisfies ExportedHandler<Env>;
