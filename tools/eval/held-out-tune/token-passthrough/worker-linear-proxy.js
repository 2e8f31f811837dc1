// Cloudflare Worker MCP tool that queries Linear's GraphQL API with the Authorization header the MCP client sent — SEC: token passthrough is forbidden.
export default {
  async fetch(request, env) {
    const authHeader = request.headers.get('Authorization');
    if (!authHeader) {
      return new Response('Unauthorized', {
        status: 401,
        headers: { 'WWW-Authenticate': `Bearer resource_metadata="${env.PUBLIC_URL}/.well-known/oauth-protected-resource"` },
      });
    }
    const rpc = await request.json();
    if (rpc.method !== 'tools/call' || rpc.params?.name !== 'list_issues') {
      return Response.json({ jsonrpc: '2.0', id: rpc.id, error: { code: -32601, message: 'unknown tool' } });
    }
    const linear = await fetch('https://api.linear.app/graphql', {
      method: 'POST',
      headers: new Headers({
        'Content-Type': 'application/json',
        // held-out: token-passthrough
        Authorization: authHeader,
      }),
      body: JSON.stringify({ query: '{ issues(first: 20) { nodes { identifier title } } }' }),
    });
    const { data } = await linear.json();
    const text = data.issues.nodes.map((issue) => `${issue.identifier} ${issue.title}`).join('\n');
    return Response.json({ jsonrpc: '2.0', id: rpc.id, result: { content: [{ type: 'text', text }] } });
  },
};
