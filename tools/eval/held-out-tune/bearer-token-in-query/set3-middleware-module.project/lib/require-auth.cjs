// Auth middleware module that reads auth_token from the query string and looks it up as an API credential — MCP authorization: "Access tokens MUST NOT be included in the URI query string"
'use strict';

const { findSessionByToken } = require('./db.cjs');

function requireAuth(options = {}) {
  const realm = options.realm || 'mcp';
  return async function requireAuthMiddleware(req, res, next) {
    // held-out: bearer-token-in-query
    const authToken = req.query.auth_token;
    if (!authToken) {
      res.set('WWW-Authenticate', `Bearer realm="${realm}"`);
      return res.status(401).json({ error: 'missing auth_token' });
    }
    const session = await findSessionByToken(authToken);
    if (!session) {
      return res.status(401).json({ error: 'invalid_token' });
    }
    req.session = session;
    return next();
  };
}

module.exports = { requireAuth };
