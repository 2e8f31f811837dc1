// /authorize endpoint of an MCP server that is its own authorization server; a requested redirect_uri is accepted when it starts with any registered one — MCP 2026-07-28 security considerations: "Authorization servers MUST validate exact redirect URIs against pre-registered values".
import express from 'express';
import { randomBytes } from 'node:crypto';
import { clients, codes } from './store.js';

export const authorize = express.Router();

authorize.get('/authorize', async (req, res) => {
  const { client_id, redirect_uri, state, code_challenge, code_challenge_method, scope } = req.query as Record<string, string>;
  const client = await clients.find(client_id);
  if (!client) return res.status(400).json({ error: 'invalid_client' });

  // held-out: redirect-uri-not-exact
  const allowed = client.redirect_uris.some((uri: string) => redirect_uri?.startsWith(uri));
  if (!allowed) return res.status(400).json({ error: 'invalid_request', error_description: 'redirect_uri not registered' });
  if (code_challenge_method !== 'S256' || !code_challenge) return res.status(400).json({ error: 'invalid_request' });

  const code = randomBytes(32).toString('base64url');
  await codes.save(code, { clientId: client_id, redirectUri: redirect_uri, challenge: code_challenge, scope, userId: req.session!.userId });
  const target = new URL(redirect_uri);
  target.searchParams.set('code', code);
  if (state) target.searchParams.set('state', state);
  res.redirect(302, target.href);
});
