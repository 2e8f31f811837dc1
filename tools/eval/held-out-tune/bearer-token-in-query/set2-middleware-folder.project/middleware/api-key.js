// API-key middleware used by index.js: accepts the key from the x-api-key header or from ?key= (MCP authorization: credentials "MUST NOT be included in the URI query string"; CWE-598).
const { findKey } = require('../db/keys');

module.exports = async function apiKeyAuth(req, res, next) {
  // held-out: bearer-token-in-query
  const presented = req.get('x-api-key') || req.query.key;
  if (!presented) return res.status(401).json({ error: 'API key required' });
  const record = await findKey(presented);
  if (!record || record.revoked) return res.status(401).json({ error: 'invalid API key' });
  req.account = record.accountId;
  next();
};
