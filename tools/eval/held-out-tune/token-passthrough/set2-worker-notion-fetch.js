// Cloudflare Worker MCP server (plain fetch handler) that strips "Bearer " from the incoming header and sends the same token to the Notion API — MCP 2026-07-28 authorization, token handling ("MUST NOT pass through").
const NOTION_VERSION = '2022-06-28';

async function handleToolCall(name, args, token) {
  if (name !== 'notion_search') {
    return { isError: true, content: [{ type: 'text', text: `unknown tool ${name}` }] };
  }
  const res = await fetch('https://api.notion.com/v1/search', {
    method: 'POST',
    headers: new Headers({
      // held-out: token-passthrough
      Authorization: 'Bearer ' + token,
      'Notion-Version': NOTION_VERSION,
      'Content-Type': 'application/json',
    }),
    body: JSON.stringify({ query: args.query ?? '', page_size: 10 }),
  });
  const body = await res.json();
  return { content: [{ type: 'text', text: JSON.stringify(body.results ?? []) }] };
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname !== '/mcp' || request.method !== 'POST') return new Response('not found', { status: 404 });

    const token = request.headers.get('Authorization')?.replace(/^Bearer\s+/i, '');
    if (!token) {
      return new Response(null, { status: 401, headers: { 'WWW-Authenticate': `Bearer resource_metadata="${url.origin}/.well-known/oauth-protected-resource"` } });
    }

    const rpc = await request.json();
    if (rpc.method === 'tools/call') {
      const result = await handleToolCall(rpc.params.name, rpc.params.arguments ?? {}, token);
      return Response.json({ jsonrpc: '2.0', id: rpc.id, result });
    }
    return Response.json({ jsonrpc: '2.0', id: rpc.id, error: { code: -32601, message: 'method not found' } });
  },
};
