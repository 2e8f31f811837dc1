// Express middleware of an MCP server verifying RS256 access tokens from the Authorization header with jsonwebtoken, issuer and algorithm pinned, no audience — MCP 2026-07-28 security considerations: "MUST reject tokens that do not include them in the audience claim".
const fs = require('node:fs');
const jwt = require('jsonwebtoken');

const PUBLIC_KEY = fs.readFileSync(process.env.AUTH_PUBLIC_KEY_PATH || './keys/auth-server.pub.pem', 'utf8');

function requireToken(req, res, next) {
  const header = req.get('authorization') || '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : null;
  if (!token) {
    res.set('WWW-Authenticate', 'Bearer resource_metadata="https://mcp.acme.dev/.well-known/oauth-protected-resource"');
    return res.status(401).json({ error: 'invalid_request' });
  }
  try {
    // held-out: token-audience-not-validated
    const claims = jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256'], issuer: 'https://auth.acme.dev' });
    req.user = { id: claims.sub, scopes: (claims.scope || '').split(' ') };
    return next();
  } catch (err) {
    res.set('WWW-Authenticate', 'Bearer error="invalid_token"');
    return res.status(401).json({ error: 'invalid_token', error_description: err.message });
  }
}

module.exports = { requireToken };
