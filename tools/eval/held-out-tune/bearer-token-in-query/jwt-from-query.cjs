// CommonJS express route verifying a JWT passed as ?jwt= for the MCP message endpoint — AUTH: access tokens MUST NOT be in the query string.
const express = require('express');
const jwt = require('jsonwebtoken');

const router = express.Router();
const PUBLIC_KEY = process.env.JWT_PUBLIC_KEY;

router.post('/mcp/message', express.json(), (req, res, next) => {
  try {
    // held-out: bearer-token-in-query
    req.user = jwt.verify(req.query.jwt, PUBLIC_KEY, { audience: 'mcp-server', algorithms: ['RS256'] });
  } catch (err) {
    return res.status(401).json({ error: 'invalid token' });
  }
  next();
});

module.exports = router;
