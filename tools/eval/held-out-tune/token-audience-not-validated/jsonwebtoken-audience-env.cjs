// held-out: clean — jwt.verify receives audience and issuer from configuration.
// CommonJS express middleware verifying access tokens with an audience option — AUTH audience validation.
const jwt = require('jsonwebtoken');

const { JWT_PUBLIC_KEY, MCP_AUDIENCE, JWT_ISSUER } = process.env;

module.exports = function bearer(req, res, next) {
  const token = (req.get('authorization') || '').replace(/^Bearer /, '');
  if (!token) return res.status(401).end();
  try {
    req.claims = jwt.verify(token, JWT_PUBLIC_KEY, { algorithms: ['RS256'], audience: MCP_AUDIENCE, issuer: JWT_ISSUER });
    return next();
  } catch (e) {
    return res.status(401).json({ error: 'invalid_token' });
  }
};
