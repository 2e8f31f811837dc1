// secret-compare-not-constant-time: HTTP Basic client authentication compares the presented secret with == — OAuth 2.1 §2.4.1 client_secret_basic; secret compared without constant time
import type { Request } from 'express';
import { clientById, type ConfidentialClient } from './clients.js';

export function authenticateClient(req: Request): ConfidentialClient | null {
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('Basic ')) return null;
  const [id, secret] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
  const client = clientById(decodeURIComponent(id));
  // held-out: secret-compare-not-constant-time
  if (client && client.secret == decodeURIComponent(secret ?? '')) return client;
  return null;
}
