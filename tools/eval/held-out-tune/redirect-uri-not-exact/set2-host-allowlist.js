// Express authorize handler that checks the redirect_uri's hostname against an allow-list of trusted hosts instead of the client's registered URIs — MCP 2026-07-28 security considerations, open redirection (RFC 9700 §4.1.3).
const express = require('express');
const crypto = require('node:crypto');
const { saveAuthorizationCode } = require('./codes');

const ALLOWED_REDIRECT_HOSTS = ['claude.ai', 'chatgpt.com', 'localhost', 'vscode.dev', 'cursor.sh'];

const router = express.Router();

router.get('/authorize', (req, res) => {
  const redirectUri = req.query.redirect_uri;
  let parsed;
  try {
    parsed = new URL(redirectUri);
  } catch {
    return res.status(400).send('malformed redirect_uri');
  }
  // held-out: redirect-uri-not-exact
  if (!ALLOWED_REDIRECT_HOSTS.includes(parsed.hostname)) {
    return res.status(400).send('redirect_uri host not allowed');
  }
  const code = crypto.randomBytes(24).toString('hex');
  saveAuthorizationCode(code, { clientId: req.query.client_id, redirectUri, codeChallenge: req.query.code_challenge });
  parsed.searchParams.set('code', code);
  if (req.query.state) parsed.searchParams.set('state', req.query.state);
  res.redirect(parsed.toString());
});

module.exports = router;
