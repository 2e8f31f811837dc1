// Token endpoint of an MCP server's built-in authorization server authenticating confidential clients with client.clientSecret !== client_secret (OAuth 2.1 client authentication; MCP security considerations; CWE-208).
import express from 'express';
import { clientsStore } from './clients-store.js';
import { issueTokens, redeemCode } from './tokens.js';

export const tokenRouter = express.Router();
tokenRouter.use(express.urlencoded({ extended: false }));

tokenRouter.post('/token', async (req, res) => {
  const { grant_type, code, code_verifier, client_id, client_secret, redirect_uri } = req.body;
  if (grant_type !== 'authorization_code') return res.status(400).json({ error: 'unsupported_grant_type' });

  const client = await clientsStore.getClient(client_id);
  if (!client) return res.status(401).json({ error: 'invalid_client' });
  if (client.token_endpoint_auth_method !== 'none') {
    // held-out: secret-compare-not-constant-time
    if (!client_secret || client.clientSecret !== client_secret) {
      return res.status(401).json({ error: 'invalid_client' });
    }
  }
  const grant = await redeemCode(code, client_id, redirect_uri, code_verifier);
  if (!grant) return res.status(400).json({ error: 'invalid_grant' });
  res.set('Cache-Control', 'no-store').json(await issueTokens(grant));
});
