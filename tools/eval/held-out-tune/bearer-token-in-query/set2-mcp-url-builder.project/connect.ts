// Desktop agent connecting to its configured MCP servers with URLs from url.ts.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { mcpEndpoint } from './url.js';
import { tokenFor } from './keychain.js';

export async function connectAll(servers: { name: string; url: string }[]): Promise<Map<string, Client>> {
  const clients = new Map<string, Client>();
  for (const server of servers) {
    const token = await tokenFor(server.name);
    const client = new Client({ name: 'agent-desktop', version: '2.4.1' });
    await client.connect(new StreamableHTTPClientTransport(mcpEndpoint(server.url, token)));
    clients.set(server.name, client);
  }
  return clients;
}
