// held-out: clean — jsonwebtoken verify with audience (canonical MCP URL) and issuer
// CommonJS express middleware of an MCP server (MCP 2026-07-28 authorization, token handling: audience validation per RFC 8707).
const jwt = require('jsonwebtoken');

const config = {
  publicKey: process.env.OAUTH_PUBLIC_KEY,
  issuer: 'https://auth.acme.dev',
  resource: 'https://mcp.acme.dev/mcp',
};

module.exports = function bearerAuth(req, res, next) {
  const [type, token] = String(req.headers.authorization || '').split(' ');
  if (type !== 'Bearer' || !token) return res.status(401).set('WWW-Authenticate', 'Bearer').end();
  jwt.verify(token, config.publicKey, { algorithms: ['RS256'], issuer: config.issuer, audience: [config.resource] }, (err, claims) => {
    if (err) return res.status(401).set('WWW-Authenticate', 'Bearer error="invalid_token"').end();
    req.auth = { sub: claims.sub, scopes: String(claims.scope || '').split(' ') };
    next();
  });
};
