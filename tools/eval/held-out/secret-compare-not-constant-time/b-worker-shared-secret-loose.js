// Cloudflare Worker fronting an MCP server: the shared secret header is compared with == against the bound secret — secrets must be compared in constant time.
export default {
  async fetch(request, env) {
    const secretHeader = request.headers.get('x-mcp-shared-secret');
    // held-out: secret-compare-not-constant-time
    if (secretHeader == null || secretHeader != env.MCP_SHARED_SECRET) {
      return new Response('forbidden', { status: 403 });
    }
    const id = env.MCP_OBJECT.idFromName('default');
    return env.MCP_OBJECT.get(id).fetch(request);
  },
};
