// held-out: clean — indexOf is called on the list of registered URIs, so it is an exact membership test of the whole string
// Express authorization endpoint of a JavaScript MCP server (MCP 2026-07-28 security considerations, open redirection).
const express = require('express');
const crypto = require('crypto');
const store = require('./store');

const router = express.Router();

router.get('/oauth/authorize', async (req, res) => {
  const client = await store.getClient(req.query.client_id);
  const redirectUri = req.query.redirect_uri;
  if (!client || client.redirect_uris.indexOf(redirectUri) === -1) {
    return res.status(400).render('oauth-error', { error: 'The redirect_uri does not match a registered redirect URI.' });
  }
  const code = crypto.randomBytes(32).toString('base64url');
  await store.saveCode(code, { clientId: client.client_id, redirectUri, codeChallenge: req.query.code_challenge, userId: req.user.id });
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  if (req.query.state) target.searchParams.set('state', req.query.state);
  res.redirect(target.toString());
});

module.exports = router;
