// Authorization endpoint treating redirect_uri as valid when the registered URI is its prefix (indexOf === 0) — security considerations: "Authorization servers MUST validate exact redirect URIs against pre-registered values"
'use strict';
const http = require('http');
const crypto = require('crypto');
const { clientById } = require('./clients.cjs');
const { putCode } = require('./codes.cjs');

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname !== '/authorize') {
    res.writeHead(404).end();
    return;
  }
  const client = clientById(url.searchParams.get('client_id'));
  const redirectUri = url.searchParams.get('redirect_uri') || '';
  // held-out: redirect-uri-not-exact
  if (!client || redirectUri.indexOf(client.redirect_uri) !== 0) {
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'invalid_request' }));
    return;
  }
  const code = crypto.randomBytes(16).toString('hex');
  putCode(code, { clientId: client.id, redirectUri, challenge: url.searchParams.get('code_challenge') });
  const location = new URL(redirectUri);
  location.searchParams.set('code', code);
  const state = url.searchParams.get('state');
  if (state) location.searchParams.set('state', state);
  res.writeHead(302, { location: location.toString() });
  res.end();
});

server.listen(8085);
