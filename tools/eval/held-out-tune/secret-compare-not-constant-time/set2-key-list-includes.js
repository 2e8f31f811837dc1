// Express API-key check (JS) matching the presented x-api-key against the configured list with Array.prototype.includes, which compares strings element by element with early exit (CWE-208).
const express = require('express');
const { mountMcp } = require('./mcp');

const VALID_KEYS = (process.env.MCP_KEYS || '').split(/[\s,]+/).filter(Boolean);
const app = express();
app.use(express.json());

app.use('/mcp', (req, res, next) => {
  const key = req.header('x-api-key');
  // held-out: secret-compare-not-constant-time
  if (!key || !VALID_KEYS.includes(key)) return res.status(401).json({ error: 'invalid api key' });
  next();
});

mountMcp(app);
app.listen(3000);
