// held-out: clean — the Worker reads `max_tokens` and `format` from the query (text-generation options); the access token is read only from the Authorization header.
// Cloudflare Worker exposing an MCP-backed summarisation endpoint.
export default {
  async fetch(request, env) {
    const auth = request.headers.get('Authorization') || '';
    if (!auth.startsWith('Bearer ')) {
      return new Response(null, { status: 401, headers: { 'WWW-Authenticate': `Bearer resource_metadata="${env.ORIGIN}/.well-known/oauth-protected-resource"` } });
    }
    const principal = await env.TOKENS.verify(auth.slice(7));
    if (!principal) return new Response('invalid token', { status: 401 });

    const url = new URL(request.url);
    const maxTokens = Math.min(parseInt(url.searchParams.get('max_tokens') || '256', 10), 1024);
    const format = url.searchParams.get('format') === 'markdown' ? 'markdown' : 'text';
    const { text } = await request.json();
    const summary = await env.AI.run('@cf/meta/llama-3.1-8b-instruct', {
      messages: [{ role: 'user', content: `Summarise as ${format}:\n${text}` }],
      max_tokens: maxTokens,
    });
    return Response.json({ user: principal.sub, summary: summary.response });
  },
};
