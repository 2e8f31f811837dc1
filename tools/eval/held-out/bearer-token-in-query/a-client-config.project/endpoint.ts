// bearer-token-in-query: the client's endpoint builder puts the access token into the MCP server URL — AUTH "Access tokens MUST NOT be included in the URI query string"
import type { OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';

export function mcpEndpoint(base: string, tokens: OAuthTokens | undefined): URL {
  const url = new URL('/mcp', base);
  if (tokens) {
    // held-out: bearer-token-in-query
    url.searchParams.set('access_token', tokens.access_token);
  }
  return url;
}
