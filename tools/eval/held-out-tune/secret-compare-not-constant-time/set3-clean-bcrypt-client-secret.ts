// held-out: clean — client secrets are stored as bcrypt hashes and checked with bcrypt.compare
// Token endpoint (client_secret_post) of an MCP server's authorization server
import express from 'express';
import bcrypt from 'bcryptjs';
import { randomBytes } from 'node:crypto';

interface StoredClient {
  clientId: string;
  clientSecretHash: string;
  scopes: string[];
}

const clients = new Map<string, StoredClient>();

export const tokenRouter = express.Router();
tokenRouter.use(express.urlencoded({ extended: false }));

tokenRouter.post('/token', async (req, res) => {
  const { grant_type, client_id, client_secret, scope } = req.body as Record<string, string | undefined>;
  if (grant_type !== 'client_credentials') return res.status(400).json({ error: 'unsupported_grant_type' });
  const client = client_id ? clients.get(client_id) : undefined;
  const secretOk = client && client_secret ? await bcrypt.compare(client_secret, client.clientSecretHash) : false;
  if (!secretOk) return res.status(401).json({ error: 'invalid_client' });
  const granted = (scope ?? '').split(' ').filter((s) => client!.scopes.includes(s));
  res.json({ access_token: randomBytes(32).toString('base64url'), token_type: 'Bearer', expires_in: 3600, scope: granted.join(' ') });
});

export async function registerClient(clientId: string, scopes: string[]) {
  const clientSecret = randomBytes(32).toString('base64url');
  clients.set(clientId, { clientId, clientSecretHash: await bcrypt.hash(clientSecret, 12), scopes });
  return clientSecret;
}
