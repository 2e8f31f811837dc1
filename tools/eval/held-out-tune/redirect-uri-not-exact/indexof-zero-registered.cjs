// Express authorization server (CommonJS) testing the requested redirect_uri with indexOf(...) === 0 against the client's single registered URI; MCP security considerations, open redirection.
const express = require('express');
const crypto = require('crypto');
const db = require('./db');

const router = express.Router();

router.post('/oauth/authorize/decision', express.urlencoded({ extended: false }), async function (req, res) {
  const client = await db.clients.findOne({ clientId: req.body.client_id });
  const redirectUri = req.body.redirect_uri;
  // held-out: redirect-uri-not-exact
  if (!client || redirectUri.indexOf(client.redirectUri) !== 0) {
    return res.status(400).render('error', { message: 'redirect_uri does not match' });
  }
  if (req.body.decision !== 'allow') {
    return res.redirect(redirectUri + '?error=access_denied&state=' + encodeURIComponent(req.body.state || ''));
  }
  const code = crypto.randomBytes(32).toString('hex');
  await db.codes.insertOne({ code, clientId: client.clientId, redirectUri, userId: req.user.id, challenge: req.body.code_challenge, createdAt: new Date() });
  res.redirect(redirectUri + '?code=' + code + '&state=' + encodeURIComponent(req.body.state || ''));
});

module.exports = router;
