// Next.js App Router route (app/api/mcp/route.ts) that proxies a tool call to the analytics API with the same bearer header it received — spec (authorization): "MCP servers MUST NOT accept or transit any other tokens"; "MUST NOT pass through the token it received from the MCP client."
import { NextRequest, NextResponse } from 'next/server';

const ANALYTICS = 'https://analytics.example.com/v1';

type RpcCall = { jsonrpc: '2.0'; id: number | string; method: string; params?: { name?: string; arguments?: Record<string, unknown> } };

export async function POST(request: NextRequest) {
  const authHeader = request.headers.get('authorization');
  if (!authHeader) {
    return new NextResponse(null, {
      status: 401,
      headers: { 'WWW-Authenticate': 'Bearer resource_metadata="https://stats.example.com/.well-known/oauth-protected-resource"' },
    });
  }

  const call = (await request.json()) as RpcCall;
  if (call.method !== 'tools/call' || call.params?.name !== 'page_views') {
    return NextResponse.json({ jsonrpc: '2.0', id: call.id, error: { code: -32601, message: 'unknown tool' } });
  }

  const site = String(call.params.arguments?.site ?? '');
  const upstream = await fetch(`${ANALYTICS}/sites/${encodeURIComponent(site)}/pageviews?range=7d`, {
    // held-out: token-passthrough
    headers: { Authorization: authHeader, Accept: 'application/json' },
    cache: 'no-store',
  });
  const stats = await upstream.json();
  return NextResponse.json({ jsonrpc: '2.0', id: call.id, result: { content: [{ type: 'text', text: JSON.stringify(stats) }] } });
}
