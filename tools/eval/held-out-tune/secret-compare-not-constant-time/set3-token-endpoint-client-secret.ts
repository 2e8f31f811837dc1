// Hand-written token endpoint of an MCP server's authorization server: client_secret from the form body compared with the registered secret by !== (RFC 6749 §2.3.1 client authentication; CWE-208)
import express from 'express';
import { randomBytes } from 'node:crypto';

interface RegisteredClient {
  client_id: string;
  client_secret?: string;
  redirect_uris: string[];
  token_endpoint_auth_method: 'client_secret_post' | 'none';
}

const clients = new Map<string, RegisteredClient>();
const codes = new Map<string, { clientId: string; userId: string; redirectUri: string; expiresAt: number }>();

export const tokenRouter = express.Router();
tokenRouter.use(express.urlencoded({ extended: false }));

tokenRouter.post('/token', (req, res) => {
  const { grant_type, code, redirect_uri, client_id, client_secret } = req.body as Record<string, string | undefined>;
  if (grant_type !== 'authorization_code') return res.status(400).json({ error: 'unsupported_grant_type' });

  const client = client_id ? clients.get(client_id) : undefined;
  if (!client) return res.status(401).json({ error: 'invalid_client' });
  if (client.token_endpoint_auth_method === 'client_secret_post') {
    // held-out: secret-compare-not-constant-time
    if (!client_secret || client.client_secret !== client_secret) {
      return res.status(401).json({ error: 'invalid_client' });
    }
  }

  const grant = code ? codes.get(code) : undefined;
  if (!grant || grant.clientId !== client.client_id || grant.redirectUri !== redirect_uri || grant.expiresAt < Date.now()) {
    return res.status(400).json({ error: 'invalid_grant' });
  }
  codes.delete(code!);
  res.json({ access_token: randomBytes(32).toString('base64url'), token_type: 'Bearer', expires_in: 3600 });
});

export function registerClient(client: RegisteredClient) {
  clients.set(client.client_id, client);
}
