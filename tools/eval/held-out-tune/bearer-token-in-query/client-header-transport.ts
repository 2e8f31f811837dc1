// held-out: clean — the client sends its access token in the Authorization header; the URL carries no credential.
// MCP client connecting over Streamable HTTP with an authorization header — AUTH: tokens in the Authorization header on every request.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

export async function connectWithToken(serverUrl: string, accessToken: string, workspace: string): Promise<Client> {
  const url = new URL('/mcp', serverUrl);
  url.searchParams.set('workspace', workspace);
  const transport = new StreamableHTTPClientTransport(url, {
    requestInit: { headers: { Authorization: `Bearer ${accessToken}` } },
  });
  const client = new Client({ name: 'ci-bot', version: '2.0.0' });
  await client.connect(transport);
  return client;
}
