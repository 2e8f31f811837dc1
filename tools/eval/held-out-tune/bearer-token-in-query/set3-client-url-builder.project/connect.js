// Connects the desktop assistant to the remote tasks MCP server using the URL built in endpoint.js
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { mcpEndpoint, resolveBaseUrl } from './endpoint.js';
import { readTokenFile } from './keychain.js';

export async function connectTasks(env = process.env) {
  const { access_token } = await readTokenFile();
  const endpoint = mcpEndpoint(resolveBaseUrl(env), access_token);
  const transport = new StreamableHTTPClientTransport(new URL(endpoint));
  const client = new Client({ name: 'tasks-desktop', version: '0.9.2' });
  await client.connect(transport);
  return client;
}

export async function addTask(title) {
  const client = await connectTasks();
  try {
    return await client.callTool({ name: 'add_task', arguments: { title } });
  } finally {
    await client.close();
  }
}
