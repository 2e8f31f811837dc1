// bearer-token-in-query: an MCP client appends its access token to the server URL instead of sending an Authorization header — AUTH "Access tokens MUST NOT be included in the URI query string"
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { loadTokens } from './token-cache.js';

export async function connect(serverUrl: string) {
  const { access_token } = await loadTokens(serverUrl);
  // held-out: bearer-token-in-query
  const endpoint = new URL(`${serverUrl}?access_token=${encodeURIComponent(access_token)}`);
  const transport = new StreamableHTTPClientTransport(endpoint);
  const client = new Client({ name: 'cli', version: '0.1.0' });
  await client.connect(transport);
  return client;
}
