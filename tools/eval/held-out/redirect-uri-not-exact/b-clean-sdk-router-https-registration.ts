// held-out: clean — redirect validation at /authorize is done by the SDK's mcpAuthRouter; the startsWith calls below only enforce the spec's "localhost or HTTPS" scheme rule at registration time.
// Express MCP server with the SDK's auth router and a clients store that refuses non-HTTPS, non-localhost redirect URIs at registration.
import express from 'express';
import { mcpAuthRouter } from '@modelcontextprotocol/sdk/server/auth/router.js';
import type { OAuthRegisteredClientsStore } from '@modelcontextprotocol/sdk/server/auth/clients.js';
import type { OAuthClientInformationFull } from '@modelcontextprotocol/sdk/shared/auth.js';
import { provider } from './provider.js';

function schemeAcceptable(uri: string): boolean {
  return uri.startsWith('https://') || uri.startsWith('http://localhost') || uri.startsWith('http://127.0.0.1');
}

export class PostgresClientsStore implements OAuthRegisteredClientsStore {
  constructor(private readonly db: { get(id: string): Promise<OAuthClientInformationFull | undefined>; put(c: OAuthClientInformationFull): Promise<void> }) {}

  getClient(clientId: string) {
    return this.db.get(clientId);
  }

  async registerClient(client: OAuthClientInformationFull) {
    if (!client.redirect_uris.every((u) => schemeAcceptable(String(u)))) {
      throw new Error('redirect URIs must use https or a localhost address');
    }
    await this.db.put(client);
    return client;
  }
}

const app = express();
app.use(
  mcpAuthRouter({
    provider,
    issuerUrl: new URL('https://auth.todo-mcp.example.com'),
    scopesSupported: ['todo.read', 'todo.write'],
  }),
);
app.listen(4000);
