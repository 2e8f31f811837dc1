// Authorization endpoint of an MCP server checking redirect_uri with includes() on its own domain — security best practices: redirect URIs need "exact string matching (not pattern matching or wildcards)"
const express = require('express');
const crypto = require('crypto');
const codes = require('./codes');

const APP_DOMAIN = 'tasks.example.com';
const app = express();

app.get('/oauth/authorize', (req, res) => {
  const redirectUri = req.query.redirect_uri;
  const state = req.query.state;
  if (typeof redirectUri !== 'string') {
    res.status(400).send('redirect_uri required');
    return;
  }
  // held-out: redirect-uri-not-exact
  if (!redirectUri.includes(APP_DOMAIN)) {
    res.status(400).send('redirect_uri is not allowed');
    return;
  }
  const code = crypto.randomBytes(24).toString('hex');
  codes.save(code, {
    clientId: req.query.client_id,
    redirectUri,
    challenge: req.query.code_challenge,
    expiresAt: Date.now() + 60_000,
  });
  const location = new URL(redirectUri);
  location.searchParams.set('code', code);
  if (state) location.searchParams.set('state', state);
  res.redirect(302, location.href);
});

module.exports = app;
