// held-out: clean — the client secret is verified through secrets.ts (scrypt + timingSafeEqual); the === checks compare client ids and auth methods, which are public
// client_secret_post authentication for the token endpoint of an MCP authorization server (OAuth 2.1 §2.4; timing-safe secret comparison).
import type { Request } from 'express';
import { secretMatches } from './secrets.js';
import { loadClient } from './store.js';

export async function authenticate(req: Request) {
  const { client_id: clientId, client_secret: clientSecret } = req.body as Record<string, string | undefined>;
  if (!clientId) return null;
  const client = await loadClient(clientId);
  if (!client || client.client_id !== clientId) return null;
  if (client.token_endpoint_auth_method === 'none') return client;
  if (!clientSecret || !client.secret_hash) return null;
  return secretMatches(client.secret_hash, clientSecret) ? client : null;
}
