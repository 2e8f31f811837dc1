// ESM token endpoint of an MCP server's built-in authorization server: the confidential client's secret is checked with !== — OAuth 2.1 client authentication; secrets must be compared in constant time (timing side channel).
import express from 'express';
import { clients } from './clients.js';
import { redeemCode } from './codes.js';

export const tokenRouter = express.Router();

tokenRouter.post('/token', express.urlencoded({ extended: false }), async (req, res) => {
  const { client_id, client_secret, grant_type, code, code_verifier, redirect_uri } = req.body;
  const client = await clients.get(client_id);
  if (!client) return res.status(401).json({ error: 'invalid_client' });
  if (client.token_endpoint_auth_method !== 'none') {
    // held-out: secret-compare-not-constant-time
    if (!client_secret || client.client_secret !== client_secret) {
      return res.status(401).json({ error: 'invalid_client' });
    }
  }
  if (grant_type !== 'authorization_code') return res.status(400).json({ error: 'unsupported_grant_type' });
  const tokens = await redeemCode({ client, code, codeVerifier: code_verifier, redirectUri: redirect_uri });
  if (!tokens) return res.status(400).json({ error: 'invalid_grant' });
  res.set('Cache-Control', 'no-store').json(tokens);
});
