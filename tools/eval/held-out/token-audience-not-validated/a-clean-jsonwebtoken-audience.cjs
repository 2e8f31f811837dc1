// held-out: clean — jsonwebtoken.verify is given the audience (and issuer) this resource server expects
// CommonJS Express middleware protecting an MCP endpoint (AUTH: token audience validation).
'use strict';
const jwt = require('jsonwebtoken');
const jwksClient = require('jwks-rsa');

const client = jwksClient({ jwksUri: 'https://login.example.org/.well-known/jwks.json', cache: true });
const getKey = (header, cb) => client.getSigningKey(header.kid, (err, key) => cb(err, key && key.getPublicKey()));

module.exports = function requireMcpToken(req, res, next) {
  const token = (req.headers.authorization || '').replace(/^Bearer /, '');
  jwt.verify(
    token,
    getKey,
    { algorithms: ['RS256'], issuer: 'https://login.example.org/', audience: 'https://crm-mcp.example.org/mcp' },
    (err, decoded) => {
      if (err) return res.status(401).set('WWW-Authenticate', 'Bearer error="invalid_token"').end();
      req.auth = { token, clientId: decoded.azp, scopes: (decoded.scope || '').split(' ') };
      next();
    },
  );
};
