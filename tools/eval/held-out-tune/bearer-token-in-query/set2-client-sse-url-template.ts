// MCP client that opens the SSE transport with the OAuth access token in the URL (MCP authorization: clients MUST use the Authorization header; "Access tokens MUST NOT be included in the URI query string").
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { loadTokens } from './token-cache.js';

export async function connectToWorkspace(baseUrl: string): Promise<Client> {
  const tokens = await loadTokens(baseUrl);
  if (!tokens) throw new Error(`not logged in to ${baseUrl}; run "ws login" first`);

  const client = new Client({ name: 'ws-cli', version: '1.8.0' });
  // held-out: bearer-token-in-query
  const transport = new SSEClientTransport(new URL(`${baseUrl}/sse?access_token=${encodeURIComponent(tokens.access_token)}`));
  await client.connect(transport);
  return client;
}
