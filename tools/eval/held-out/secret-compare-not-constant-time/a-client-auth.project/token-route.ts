// client_credentials token endpoint that uses client-auth.ts.
import express from 'express';
import { randomBytes } from 'node:crypto';
import { authenticateClient } from './client-auth.js';

export const tokenRoute = express.Router();
tokenRoute.post('/oauth/token', express.urlencoded({ extended: false }), (req, res) => {
  const client = authenticateClient(req);
  if (!client) return res.status(401).set('WWW-Authenticate', 'Basic realm="oauth"').json({ error: 'invalid_client' });
  res.json({ access_token: randomBytes(32).toString('base64url'), token_type: 'Bearer', expires_in: 900, scope: client.scopes.join(' ') });
});
