// redirect-uri-not-exact: redirect_uri is accepted when it merely contains the client's domain — SEC "Authorization servers MUST validate exact redirect URIs against pre-registered values"
'use strict';
const express = require('express');
const { lookupClient } = require('./clients.cjs');

const router = express.Router();

router.get('/oauth2/authorize', (req, res) => {
  const client = lookupClient(req.query.client_id);
  const redirectUri = req.query.redirect_uri || '';
  // held-out: redirect-uri-not-exact
  if (!client || !redirectUri.includes(client.domain)) {
    return res.status(400).json({ error: 'invalid_request', error_description: 'bad redirect_uri' });
  }
  req.session.oauth = { clientId: client.id, redirectUri, state: req.query.state, codeChallenge: req.query.code_challenge };
  return res.redirect('/login?next=/oauth2/consent');
});

module.exports = router;
