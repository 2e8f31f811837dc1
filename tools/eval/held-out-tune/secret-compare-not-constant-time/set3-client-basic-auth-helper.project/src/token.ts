// Token endpoint (client_credentials) of an MCP server's built-in authorization server: the secret from parseClientBasic (basic.ts) is compared with the registered client secret by !== (CWE-208)
import express from 'express';
import { randomBytes } from 'node:crypto';
import { parseClientBasic } from './basic.js';
import { findClient } from './clients.js';

export const tokenEndpoint = express.Router();
tokenEndpoint.use(express.urlencoded({ extended: false }));

tokenEndpoint.post('/oauth/token', async (req, res) => {
  if (req.body.grant_type !== 'client_credentials') {
    return res.status(400).json({ error: 'unsupported_grant_type' });
  }
  const credentials = parseClientBasic(req.get('authorization'));
  if (!credentials) {
    return res.status(401).set('WWW-Authenticate', 'Basic realm="token"').json({ error: 'invalid_client' });
  }
  const client = await findClient(credentials.clientId);
  // held-out: secret-compare-not-constant-time
  if (!client || client.clientSecret !== credentials.clientSecret) {
    return res.status(401).json({ error: 'invalid_client' });
  }
  const scope = String(req.body.scope ?? client.defaultScope);
  res.json({ access_token: randomBytes(32).toString('base64url'), token_type: 'Bearer', expires_in: 3600, scope });
});
