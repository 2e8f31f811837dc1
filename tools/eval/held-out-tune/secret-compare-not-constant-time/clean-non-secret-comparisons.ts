// held-out: clean — only non-secrets are compared with ===/!== (client_id, grant_type, token_type, redirect_uri, state, expiry); the client secret goes through timingSafeEqual on SHA-256 digests.
// Token endpoint of an MCP authorization server (Express); RFC 6749 §4.1.3, CWE-208.
import express from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { authCodes, clients, mintTokens } from './model.js';

const digest = (s: string) => createHash('sha256').update(s).digest();
export const token = express.Router();

token.post('/token', express.urlencoded({ extended: false }), async (req, res) => {
  const { grant_type, code, redirect_uri, client_id, client_secret } = req.body;
  if (grant_type !== 'authorization_code') return res.status(400).json({ error: 'unsupported_grant_type' });
  const client = await clients.get(client_id);
  if (!client || !timingSafeEqual(digest(String(client_secret ?? '')), digest(client.secret))) {
    return res.status(401).json({ error: 'invalid_client' });
  }
  const stored = await authCodes.take(code);
  if (!stored || stored.clientId !== client_id || stored.redirectUri !== redirect_uri || stored.expiresAt < Date.now()) {
    return res.status(400).json({ error: 'invalid_grant' });
  }
  const tokens = await mintTokens(client, stored);
  if (tokens.token_type !== 'Bearer') throw new Error('unexpected token type');
  res.set('Cache-Control', 'no-store').json(tokens);
});
