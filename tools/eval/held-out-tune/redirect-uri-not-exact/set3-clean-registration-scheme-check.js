// held-out: clean — startsWith only checks the scheme of URIs at client registration; /authorize compares the requested redirect_uri with the registered strings exactly
// Dynamic client registration and authorization endpoints of an MCP authorization server
const express = require('express');
const crypto = require('crypto');

const clients = new Map();
const app = express();

function acceptableForRegistration(uri) {
  return uri.startsWith('https://') || uri.startsWith('http://127.0.0.1:') || uri.startsWith('http://localhost:');
}

app.post('/register', express.json(), (req, res) => {
  const uris = req.body.redirect_uris;
  if (!Array.isArray(uris) || uris.length === 0 || !uris.every(acceptableForRegistration)) {
    return res.status(400).json({ error: 'invalid_redirect_uri' });
  }
  const client = { client_id: crypto.randomUUID(), redirect_uris: uris, client_name: req.body.client_name };
  clients.set(client.client_id, client);
  res.status(201).json(client);
});

app.get('/authorize', (req, res) => {
  const client = clients.get(req.query.client_id);
  const redirectUri = req.query.redirect_uri;
  if (!client || !client.redirect_uris.some((uri) => uri === redirectUri)) {
    return res.status(400).json({ error: 'invalid_request' });
  }
  const code = crypto.randomBytes(32).toString('base64url');
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  if (req.query.state) target.searchParams.set('state', req.query.state);
  res.redirect(target.toString());
});

module.exports = app;
