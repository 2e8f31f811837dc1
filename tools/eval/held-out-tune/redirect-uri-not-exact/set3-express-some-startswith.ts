// MCP authorization server /authorize accepting any redirect_uri that starts with a registered one — security considerations, open redirection: "Authorization servers MUST validate exact redirect URIs against pre-registered values"
import express from 'express';
import { randomBytes } from 'node:crypto';
import { clients } from './clients.js';
import { pendingAuthorizations } from './pending.js';

const router = express.Router();

router.get('/authorize', async (req, res) => {
  const { client_id, redirect_uri, state, code_challenge, code_challenge_method, scope } = req.query as Record<string, string>;
  const client = await clients.get(client_id);
  if (!client) {
    return res.status(400).json({ error: 'invalid_client' });
  }
  // held-out: redirect-uri-not-exact
  const allowed = client.redirect_uris.some((registered: string) => redirect_uri.startsWith(registered));
  if (!allowed) {
    return res.status(400).json({ error: 'invalid_request', error_description: 'redirect_uri not registered' });
  }
  if (code_challenge_method !== 'S256' || !code_challenge) {
    return res.status(400).json({ error: 'invalid_request', error_description: 'PKCE S256 required' });
  }
  const requestId = randomBytes(16).toString('hex');
  await pendingAuthorizations.set(requestId, { client_id, redirect_uri, state, code_challenge, scope });
  res.redirect(`/consent?request=${requestId}`);
});

router.post('/consent', express.urlencoded({ extended: false }), async (req, res) => {
  const pending = await pendingAuthorizations.take(req.body.request);
  if (!pending) return res.status(400).send('expired');
  const code = randomBytes(32).toString('base64url');
  await pendingAuthorizations.saveCode(code, pending);
  const target = new URL(pending.redirect_uri);
  target.searchParams.set('code', code);
  if (pending.state) target.searchParams.set('state', pending.state);
  res.redirect(target.toString());
});

export default router;
