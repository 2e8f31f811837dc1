// MCP client helper (JS) that appends the access token to the Streamable HTTP endpoint with url.searchParams.set (MCP authorization: "Access tokens MUST NOT be included in the URI query string").
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

export async function openMcp(serverUrl, getAccessToken) {
  const endpoint = new URL('/mcp', serverUrl);
  const accessToken = await getAccessToken();
  // held-out: bearer-token-in-query
  endpoint.searchParams.set('access_token', accessToken);
  const client = new Client({ name: 'raycast-mcp', version: '0.3.0' });
  await client.connect(new StreamableHTTPClientTransport(endpoint));
  return client;
}
