// held-out: clean — the client secret is stored as a bcrypt hash and checked with bcrypt.compare
// Client authentication at an MCP authorization server's token endpoint (OAuth 2.1 client_secret_post; secrets stored hashed).
import bcrypt from 'bcryptjs';
import type { Request, Response, NextFunction } from 'express';
import { registeredClients } from './registry.js';

export async function authenticateClient(req: Request, res: Response, next: NextFunction) {
  const { client_id: clientId, client_secret: clientSecret } = req.body as { client_id?: string; client_secret?: string };
  if (!clientId) return res.status(400).json({ error: 'invalid_request' });
  const client = await registeredClients.get(clientId);
  if (!client) return res.status(401).json({ error: 'invalid_client' });
  if (client.tokenEndpointAuthMethod === 'none') {
    res.locals.client = client;
    return next();
  }
  if (!clientSecret || !(await bcrypt.compare(clientSecret, client.clientSecretHash))) {
    return res.status(401).json({ error: 'invalid_client' });
  }
  res.locals.client = client;
  next();
}
