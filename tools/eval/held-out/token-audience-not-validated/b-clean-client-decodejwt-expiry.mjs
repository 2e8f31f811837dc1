// held-out: clean — this is an MCP client reading the expiry of its own access token with decodeJwt to schedule a refresh; it is not a resource server verifying tokens.
// ESM MCP client helper around StreamableHTTPClientTransport that refreshes tokens shortly before they expire.
import { decodeJwt } from 'jose';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

export function secondsUntilExpiry(accessToken) {
  const { exp } = decodeJwt(accessToken);
  return typeof exp === 'number' ? exp - Math.floor(Date.now() / 1000) : Infinity;
}

export async function connect(serverUrl, authProvider) {
  const tokens = await authProvider.tokens();
  if (tokens && secondsUntilExpiry(tokens.access_token) < 60) {
    await authProvider.invalidateCredentials?.('tokens');
  }
  const client = new Client({ name: 'ops-cli', version: '0.3.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(serverUrl), { authProvider }));
  return client;
}
