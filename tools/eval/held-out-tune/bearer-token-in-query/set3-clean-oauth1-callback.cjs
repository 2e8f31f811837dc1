// held-out: clean — oauth_token and oauth_verifier are OAuth 1.0a request-token values the provider sends back in the callback query, not access tokens
// X/Twitter OAuth 1.0a callback of a CommonJS MCP server exchanging the request token for user credentials
'use strict';
const express = require('express');
const { OAuth } = require('oauth');

const consumer = new OAuth(
  'https://api.twitter.com/oauth/request_token',
  'https://api.twitter.com/oauth/access_token',
  process.env.TWITTER_CONSUMER_KEY,
  process.env.TWITTER_CONSUMER_SECRET,
  '1.0A',
  'http://127.0.0.1:3333/callback',
  'HMAC-SHA1',
);
const pendingSecrets = new Map();
const app = express();

app.get('/callback', (req, res) => {
  const { oauth_token: requestToken, oauth_verifier: verifier } = req.query;
  const requestSecret = pendingSecrets.get(requestToken);
  if (!requestSecret) return res.status(400).send('unknown request token');
  pendingSecrets.delete(requestToken);
  consumer.getOAuthAccessToken(requestToken, requestSecret, verifier, (err, token, secret) => {
    if (err) return res.status(500).send('exchange failed');
    require('./credentials').save({ token, secret });
    res.send('Connected. You can close this window.');
  });
});

app.listen(3333, '127.0.0.1');
module.exports = { pendingSecrets, consumer };
