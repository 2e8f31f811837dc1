// Express authorization endpoint of a CommonJS MCP server calling validateRedirectUri from validate.cjs
'use strict';
const express = require('express');
const crypto = require('crypto');
const { validateRedirectUri, appendParams } = require('./validate.cjs');
const clients = require('./clients.json');

const codes = new Map();
const app = express();

app.get('/authorize', (req, res) => {
  const client = clients[req.query.client_id];
  if (!client) return res.status(400).send('unknown client');
  const redirectTo = validateRedirectUri(req.query.redirect_uri, client.redirect_uris);
  if (!redirectTo) return res.status(400).send('invalid redirect_uri');
  const code = crypto.randomBytes(16).toString('hex');
  codes.set(code, { clientId: req.query.client_id, redirectUri: redirectTo, challenge: req.query.code_challenge });
  setTimeout(() => codes.delete(code), 60000).unref();
  res.redirect(appendParams(redirectTo, { code, state: req.query.state }));
});

app.listen(process.env.PORT || 3600);
module.exports = { app, codes };
