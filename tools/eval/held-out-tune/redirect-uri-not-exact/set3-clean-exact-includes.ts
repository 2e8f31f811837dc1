// held-out: clean — the requested redirect_uri must be one of the client's registered URIs, compared as whole strings
// Express /authorize of an MCP authorization server with exact redirect URI matching
import express from 'express';
import { randomBytes } from 'node:crypto';
import { clients } from './clients.js';
import { codes } from './codes.js';

const router = express.Router();

router.get('/authorize', async (req, res) => {
  const { client_id, redirect_uri, state, code_challenge, code_challenge_method } = req.query as Record<string, string>;
  const client = await clients.get(client_id);
  if (!client) {
    return res.status(400).json({ error: 'invalid_client' });
  }
  if (!redirect_uri || !client.redirect_uris.includes(redirect_uri)) {
    return res.status(400).json({ error: 'invalid_request', error_description: 'redirect_uri must exactly match a registered URI' });
  }
  if (code_challenge_method !== 'S256' || !code_challenge) {
    const error = new URL(redirect_uri);
    error.searchParams.set('error', 'invalid_request');
    if (state) error.searchParams.set('state', state);
    return res.redirect(error.toString());
  }
  const code = randomBytes(32).toString('base64url');
  await codes.put(code, { client_id, redirect_uri, code_challenge });
  const target = new URL(redirect_uri);
  target.searchParams.set('code', code);
  if (state) target.searchParams.set('state', state);
  res.redirect(target.toString());
});

export default router;
