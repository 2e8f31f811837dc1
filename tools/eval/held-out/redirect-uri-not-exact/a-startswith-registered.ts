// redirect-uri-not-exact: the authorize endpoint accepts any redirect_uri that starts with a registered one — SEC "Authorization servers MUST validate exact redirect URIs against pre-registered values"
import express from 'express';
import { randomBytes } from 'node:crypto';
import { clients, pendingCodes } from './store.js';

const router = express.Router();

router.get('/authorize', async (req, res) => {
  const { client_id, redirect_uri, state, code_challenge, code_challenge_method } = req.query as Record<string, string>;
  const client = await clients.get(client_id);
  if (!client) return res.status(400).send('unknown client');
  // held-out: redirect-uri-not-exact
  const allowed = client.redirect_uris.some((registered: string) => redirect_uri.startsWith(registered));
  if (!allowed) return res.status(400).send('redirect_uri not registered');
  if (code_challenge_method !== 'S256') return res.status(400).send('S256 required');

  const code = randomBytes(32).toString('base64url');
  await pendingCodes.put(code, { client_id, redirect_uri, code_challenge, user: req.session.userId });
  const target = new URL(redirect_uri);
  target.searchParams.set('code', code);
  if (state) target.searchParams.set('state', state);
  res.redirect(target.toString());
});

export default router;
