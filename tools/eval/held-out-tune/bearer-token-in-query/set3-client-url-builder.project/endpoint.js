// Builds the URL of the remote MCP endpoint, adding the user's access token as a query parameter — MCP authorization: "Access tokens MUST NOT be included in the URI query string"
export function mcpEndpoint(baseUrl, accessToken) {
  const trimmed = baseUrl.replace(/\/+$/, '');
  if (!accessToken) {
    return `${trimmed}/mcp`;
  }
  // held-out: bearer-token-in-query
  return `${trimmed}/mcp?access_token=${encodeURIComponent(accessToken)}`;
}

export function describeEndpoint(baseUrl) {
  const url = new URL(baseUrl);
  return `${url.protocol}//${url.host}`;
}

export const DEFAULT_BASE_URL = 'https://mcp.tasks.example';

export function resolveBaseUrl(env) {
  return env.TASKS_MCP_URL || DEFAULT_BASE_URL;
}
