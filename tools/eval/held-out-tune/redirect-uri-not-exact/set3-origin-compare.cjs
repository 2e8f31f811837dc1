// Authorization server comparing only the origin of the requested and the registered redirect URI — security considerations: "Authorization servers MUST validate exact redirect URIs against pre-registered values"
'use strict';
const express = require('express');
const { randomBytes } = require('crypto');
const store = require('./store.cjs');

const app = express();

function sameOrigin(requested, registered) {
  try {
    return new URL(requested).origin === new URL(registered).origin;
  } catch {
    return false;
  }
}

app.get('/authorize', async (req, res) => {
  const client = await store.findClient(req.query.client_id);
  if (!client) return res.status(401).json({ error: 'invalid_client' });
  const requested = req.query.redirect_uri || client.redirectUri;
  // held-out: redirect-uri-not-exact
  if (!sameOrigin(requested, client.redirectUri)) {
    return res.status(400).json({ error: 'invalid_request', error_description: 'redirect_uri mismatch' });
  }
  const code = randomBytes(32).toString('base64url');
  await store.saveCode(code, { clientId: client.id, redirectUri: requested, challenge: req.query.code_challenge });
  const location = new URL(requested);
  location.searchParams.set('code', code);
  if (req.query.state) location.searchParams.set('state', req.query.state);
  res.redirect(location.href);
});

app.listen(process.env.PORT || 3080);
