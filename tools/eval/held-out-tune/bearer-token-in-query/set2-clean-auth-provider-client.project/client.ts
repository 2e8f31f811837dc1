// held-out: clean — the transport gets an authProvider and a plain endpoint URL; the authorization code arrives as ?code= on the local callback, which is how OAuth returns it
// Desktop MCP client wiring the provider from provider.ts into StreamableHTTPClientTransport.
import { createServer } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { MemoryAuthProvider } from './provider.js';

const CALLBACK = 'http://127.0.0.1:8765/callback';

function waitForCode(): Promise<string> {
  return new Promise((resolve, reject) => {
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', CALLBACK);
      const code = url.searchParams.get('code');
      res.end(code ? 'You can close this window.' : 'Authorization failed.');
      server.close();
      code ? resolve(code) : reject(new Error(url.searchParams.get('error') ?? 'no code'));
    }).listen(8765, '127.0.0.1');
  });
}

export async function connect(serverUrl: string, open: (url: URL) => void): Promise<Client> {
  const provider = new MemoryAuthProvider(CALLBACK, open);
  const endpoint = new URL('/mcp', serverUrl);
  const client = new Client({ name: 'notes-desktop', version: '1.0.0' });
  let transport = new StreamableHTTPClientTransport(endpoint, { authProvider: provider });
  try {
    await client.connect(transport);
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) throw error;
    await transport.finishAuth(await waitForCode());
    transport = new StreamableHTTPClientTransport(endpoint, { authProvider: provider });
    await client.connect(transport);
  }
  return client;
}
