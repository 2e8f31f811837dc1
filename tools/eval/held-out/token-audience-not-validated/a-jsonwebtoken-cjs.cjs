// token-audience-not-validated: an Express resource server verifies RS256 tokens with jsonwebtoken, issuer pinned but no audience — AUTH "MCP servers MUST validate that access tokens were issued specifically for them as the intended audience."
'use strict';
const fs = require('node:fs');
const express = require('express');
const jwt = require('jsonwebtoken');

const PUBLIC_KEY = fs.readFileSync(process.env.AS_PUBLIC_KEY_PATH || './as-public.pem');

function authenticate(req, res, next) {
  const [scheme, credential] = (req.get('authorization') || '').split(' ');
  if (scheme !== 'Bearer' || !credential) {
    res.set('WWW-Authenticate', 'Bearer resource_metadata="https://mcp.example.io/.well-known/oauth-protected-resource"');
    return res.status(401).json({ error: 'invalid_token' });
  }
  try {
    // held-out: token-audience-not-validated
    req.user = jwt.verify(credential, PUBLIC_KEY, { algorithms: ['RS256'], issuer: 'https://login.example.io' });
    return next();
  } catch (err) {
    return res.status(401).json({ error: 'invalid_token', error_description: err.message });
  }
}

const app = express();
app.use(express.json());
app.post('/mcp', authenticate, require('./mcp-handler.cjs'));
app.listen(process.env.PORT || 3000);

module.exports = { authenticate };
