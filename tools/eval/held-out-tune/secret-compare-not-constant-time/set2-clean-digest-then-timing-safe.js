// held-out: clean — both API keys are hashed to SHA-256 digests of equal length and compared with timingSafeEqual
// Express API-key middleware for an MCP endpoint (JS) following the constant-time pattern (CWE-208 defence).
const { createHash, timingSafeEqual } = require('node:crypto');

const sha256 = (value) => createHash('sha256').update(String(value)).digest();
const expectedDigest = sha256(process.env.MCP_API_KEY || '');

module.exports = function apiKey(req, res, next) {
  const presented = req.headers['x-api-key'];
  if (typeof presented !== 'string' || presented.length === 0) return res.status(401).end();
  if (!timingSafeEqual(sha256(presented), expectedDigest)) return res.status(401).end();
  next();
};
