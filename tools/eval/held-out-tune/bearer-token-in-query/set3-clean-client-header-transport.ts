// held-out: clean — the MCP client sends its token in the Authorization header via requestInit; the URL only carries a non-secret workspace id
// MCP client connecting to a Streamable HTTP server with a bearer header and a workspace query parameter
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

export interface Connection {
  serverUrl: string;
  workspaceId: string;
  token: string;
}

export async function connect({ serverUrl, workspaceId, token }: Connection) {
  const url = new URL('/mcp', serverUrl);
  url.searchParams.set('workspace', workspaceId);
  const transport = new StreamableHTTPClientTransport(url, {
    requestInit: {
      headers: { Authorization: `Bearer ${token}` },
    },
  });
  const client = new Client({ name: 'workspace-agent', version: '4.0.1' });
  await client.connect(transport);
  return client;
}

export async function readResource(conn: Connection, uri: string) {
  const client = await connect(conn);
  try {
    return await client.readResource({ uri });
  } finally {
    await client.close();
  }
}
