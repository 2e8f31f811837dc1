// MCP client that appends the OAuth access token to the Streamable HTTP endpoint with searchParams.set — MCP authorization: "Access tokens MUST NOT be included in the URI query string"
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { loadStoredTokens } from './token-cache.mjs';

const SERVER_URL = process.env.MCP_SERVER_URL ?? 'https://mcp.acme.dev/mcp';

export async function openSession() {
  const tokens = await loadStoredTokens();
  const url = new URL(SERVER_URL);
  if (tokens?.access_token) {
    // held-out: bearer-token-in-query
    url.searchParams.set('access_token', tokens.access_token);
  }
  const transport = new StreamableHTTPClientTransport(url);
  const client = new Client({ name: 'acme-cli', version: '1.0.0' }, { capabilities: {} });
  await client.connect(transport);
  return client;
}

export async function callTool(name, args) {
  const client = await openSession();
  try {
    return await client.callTool({ name, arguments: args });
  } finally {
    await client.close();
  }
}
