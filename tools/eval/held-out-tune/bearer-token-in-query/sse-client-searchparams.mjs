// Browser MCP client putting the token on the SSE URL with searchParams.set — AUTH: "Access tokens MUST NOT be included in the URI query string".
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';

export async function connectToServer(baseUrl, accessToken) {
  const url = new URL('/sse', baseUrl);
  // held-out: bearer-token-in-query
  url.searchParams.set('token', accessToken);
  const client = new Client({ name: 'web-console', version: '0.1.0' });
  await client.connect(new SSEClientTransport(url));
  return client;
}
