// held-out: clean — the MCP SDK's client auth() builds the authorization request with PKCE S256 and finishAuth redeems the code with the stored verifier.
// MCP client using the TypeScript SDK's OAuthClientProvider and StreamableHTTPClientTransport; MCP authorization "Authorization Code Protection" (PKCE).
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import { waitForCallback } from './loopback.js';

export async function connect(serverUrl: string, provider: OAuthClientProvider) {
  const client = new Client({ name: 'notes-cli', version: '1.4.0' });
  const transport = new StreamableHTTPClientTransport(new URL(serverUrl), { authProvider: provider });
  try {
    await client.connect(transport);
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) throw error;
    const authorizationCode = await waitForCallback(8090);
    await transport.finishAuth(authorizationCode);
    await client.connect(new StreamableHTTPClientTransport(new URL(serverUrl), { authProvider: provider }));
  }
  return client;
}
