// held-out: clean — when redirect_uri is omitted the single registered URI is used (RFC 6749 §3.1.2.3); when present it must equal it
// CommonJS authorization endpoint for clients that register exactly one redirect URI
'use strict';
const express = require('express');
const { randomBytes } = require('crypto');
const repo = require('./repo.cjs');

const app = express();

app.get('/authorize', async (req, res) => {
  const client = await repo.client(req.query.client_id);
  if (!client) return res.status(400).json({ error: 'invalid_client' });
  const requested = req.query.redirect_uri;
  if (requested !== undefined && requested !== client.redirectUri) {
    return res.status(400).json({ error: 'invalid_request', error_description: 'redirect_uri mismatch' });
  }
  const redirectUri = client.redirectUri;
  const code = randomBytes(32).toString('base64url');
  await repo.saveCode(code, { clientId: client.id, redirectUri, challenge: req.query.code_challenge });
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  if (req.query.state) target.searchParams.set('state', req.query.state);
  res.redirect(target.toString());
});

app.listen(process.env.PORT || 5001);
module.exports = app;
