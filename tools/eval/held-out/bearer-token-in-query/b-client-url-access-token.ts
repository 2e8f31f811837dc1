// TypeScript MCP client that appends its access token to the MCP server URL it connects to — spec (authorization): "Access tokens MUST NOT be included in the URI query string"; clients must send them in the Authorization header.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';

export async function connectWithTokens(serverUrl: string, tokens: OAuthTokens): Promise<Client> {
  const endpoint = new URL(serverUrl);
  // held-out: bearer-token-in-query
  endpoint.searchParams.set('access_token', tokens.access_token);
  const transport = new StreamableHTTPClientTransport(endpoint);
  const client = new Client({ name: 'report-bot', version: '2.0.0' });
  await client.connect(transport);
  return client;
}
