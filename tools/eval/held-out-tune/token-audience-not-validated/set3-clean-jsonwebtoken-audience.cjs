// held-out: clean — jsonwebtoken.verify gets audience and issuer options, so a token for another API is rejected
// CommonJS express MCP server verifying Auth0 access tokens with jwks-rsa and the API identifier as audience (AUTH, token handling)
'use strict';

const express = require('express');
const jwt = require('jsonwebtoken');
const jwksClient = require('jwks-rsa');

const domain = process.env.AUTH0_DOMAIN || 'acme.eu.auth0.com';
const apiIdentifier = process.env.AUTH0_AUDIENCE || 'https://crm-mcp.acme.com/mcp';
const keys = jwksClient({ jwksUri: `https://${domain}/.well-known/jwks.json`, cache: true });

function getKey(header, callback) {
  keys.getSigningKey(header.kid, (err, key) => (err ? callback(err) : callback(null, key.getPublicKey())));
}

function authenticate(req, res, next) {
  const header = req.headers.authorization || '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : null;
  if (!token) return res.status(401).set('WWW-Authenticate', 'Bearer').end();
  jwt.verify(
    token,
    getKey,
    { algorithms: ['RS256'], audience: apiIdentifier, issuer: `https://${domain}/` },
    (err, decoded) => {
      if (err) return res.status(401).json({ error: 'invalid_token' });
      req.user = { sub: decoded.sub, scopes: (decoded.scope || '').split(' ') };
      next();
    },
  );
}

const app = express();
app.use(express.json());
app.post('/mcp', authenticate, (req, res) => {
  res.json({ jsonrpc: '2.0', id: req.body.id, result: { tools: [] } });
});
module.exports = app;
