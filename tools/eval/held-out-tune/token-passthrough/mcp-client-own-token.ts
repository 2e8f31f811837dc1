// held-out: clean — an MCP client sending the token it obtained for this MCP server; nothing was received from a client.
// CLI MCP client that attaches its stored access token to the server connection — AUTH: clients MUST use the Authorization header.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { loadTokens } from './token-cache.js';

export async function connect(serverUrl: string): Promise<Client> {
  const tokens = await loadTokens(serverUrl);
  if (!tokens) throw new Error(`no stored token for ${serverUrl}; run "mcp login" first`);
  const transport = new StreamableHTTPClientTransport(new URL(serverUrl), {
    requestInit: { headers: { Authorization: `Bearer ${tokens.access_token}` } },
  });
  const client = new Client({ name: 'mcp-cli', version: '0.4.1' });
  await client.connect(transport);
  return client;
}
