// held-out: clean — this is the authorization server: it echoes the client's state back unchanged with the code, as RFC 6749 §4.1.2 requires; generating/checking state is the client's job.
// Express authorization endpoint of a self-hosted MCP authorization server; RFC 6749 §4.1.2, OAuth 2.1 §4.1.2.
import express from 'express';
import { randomBytes } from 'node:crypto';
import { clients, codes } from './store.js';

export const authorizeRouter = express.Router();

authorizeRouter.post('/authorize/approve', express.urlencoded({ extended: false }), (req, res) => {
  const { client_id, redirect_uri, state, code_challenge, scope } = req.body;
  const client = clients.get(client_id);
  if (!client || !client.redirect_uris.includes(redirect_uri)) {
    return res.status(400).send('unknown client or redirect_uri');
  }
  if (!code_challenge) return res.status(400).send('code_challenge required');
  const code = randomBytes(32).toString('base64url');
  codes.set(code, { clientId: client_id, redirectUri: redirect_uri, codeChallenge: code_challenge, scope, userId: req.user!.id, expiresAt: Date.now() + 60_000 });
  const target = new URL(redirect_uri);
  target.searchParams.set('code', code);
  if (state) target.searchParams.set('state', state);
  res.redirect(303, target.href);
});
