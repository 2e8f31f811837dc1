// held-out: clean — the client sends the access token in the Authorization header through requestInit; the endpoint URL carries no credential
// MCP client over Streamable HTTP (MCP authorization: "MCP client MUST use the Authorization request header field").
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

export async function connect(serverUrl: string, accessToken: string, workspace: string): Promise<Client> {
  const url = new URL('/mcp', serverUrl);
  url.searchParams.set('workspace', workspace);
  const transport = new StreamableHTTPClientTransport(url, {
    requestInit: { headers: { Authorization: `Bearer ${accessToken}` } },
  });
  const client = new Client({ name: 'team-bot', version: '0.5.0' });
  await client.connect(transport);
  return client;
}
