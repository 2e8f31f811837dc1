// URL builder for the client in connect.ts: puts the bearer token into the MCP endpoint's query (MCP authorization: "Access tokens MUST NOT be included in the URI query string").
export function mcpEndpoint(base: string, token: string): URL {
  const trimmed = base.replace(/\/+$/, '');
  // held-out: bearer-token-in-query
  return new URL(`${trimmed}/mcp?token=${encodeURIComponent(token)}`);
}
