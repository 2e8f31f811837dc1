// Vercel/Next.js pages API route (pages/api/mcp.ts) that builds a Headers object for the analytics backend and sets Authorization from the incoming request (SEC: "The MCP server MUST NOT pass through the token it received from the MCP client")
import type { NextApiRequest, NextApiResponse } from 'next';

const BACKEND = process.env.ANALYTICS_BACKEND ?? 'https://backend.example.io';

type ToolCall = { jsonrpc: '2.0'; id: number; method: 'tools/call'; params: { name: string; arguments: Record<string, string> } };

function backendHeaders(req: NextApiRequest): Headers {
  const headers = new Headers({ accept: 'application/json' });
  const incoming = req.headers.authorization;
  if (incoming) {
    // held-out: token-passthrough
    headers.set('Authorization', incoming);
  }
  headers.set('x-forwarded-for', String(req.headers['x-forwarded-for'] ?? req.socket.remoteAddress ?? ''));
  return headers;
}

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'POST') return res.status(405).end();
  if (!req.headers.authorization) {
    res.setHeader('WWW-Authenticate', 'Bearer resource_metadata="https://analytics-mcp.example.io/.well-known/oauth-protected-resource"');
    return res.status(401).end();
  }
  const call = req.body as ToolCall;
  if (call.params?.name !== 'page_views') {
    return res.json({ jsonrpc: '2.0', id: call.id, error: { code: -32602, message: 'unknown tool' } });
  }
  const upstream = await fetch(`${BACKEND}/v1/page-views?path=${encodeURIComponent(call.params.arguments.path ?? '/')}`, {
    headers: backendHeaders(req),
  });
  const data = await upstream.json();
  res.json({ jsonrpc: '2.0', id: call.id, result: { content: [{ type: 'text', text: JSON.stringify(data) }] } });
}
