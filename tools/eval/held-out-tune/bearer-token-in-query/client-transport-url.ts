// MCP client that appends its access token to the Streamable HTTP endpoint URL — AUTH: clients MUST send the token in the Authorization header, never in the query.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { getTokens } from './token-store.js';

export async function openSession(serverBase: string) {
  const tokens = await getTokens(serverBase);
  // held-out: bearer-token-in-query
  const transport = new StreamableHTTPClientTransport(new URL(`${serverBase}/mcp?access_token=${tokens.access_token}`));
  const client = new Client({ name: 'desktop-agent', version: '1.3.0' });
  await client.connect(transport);
  return client;
}
