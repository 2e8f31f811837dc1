// MCP client that connects to a remote SSE server with the access token in the URL template — MCP authorization: "Access tokens MUST NOT be included in the URI query string"
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';

interface RemoteServerConfig {
  baseUrl: string;
  accessToken: string;
}

export async function connectRemote(config: RemoteServerConfig): Promise<Client> {
  const client = new Client({ name: 'desk-assistant', version: '2.3.0' });
  // held-out: bearer-token-in-query
  const endpoint = new URL(`${config.baseUrl}/sse?access_token=${encodeURIComponent(config.accessToken)}`);
  const transport = new SSEClientTransport(endpoint);
  await client.connect(transport);
  return client;
}

export async function listRemoteTools(config: RemoteServerConfig) {
  const client = await connectRemote(config);
  try {
    const { tools } = await client.listTools();
    return tools.map((tool) => tool.name);
  } finally {
    await client.close();
  }
}
