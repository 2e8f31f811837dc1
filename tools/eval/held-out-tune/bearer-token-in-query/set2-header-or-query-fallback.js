// Express middleware that takes the bearer token from the Authorization header or, failing that, from ?token= (MCP authorization: "Access tokens MUST NOT be included in the URI query string"; RFC 6750 §2.3 SHOULD NOT be used).
const express = require('express');
const { introspect } = require('./oauth-client');
const { mountMcp } = require('./mcp');

function bearer(req, res, next) {
  const header = req.headers.authorization || '';
  const fromHeader = header.startsWith('Bearer ') ? header.slice(7) : null;
  // held-out: bearer-token-in-query
  const token = fromHeader || req.query.token;
  if (!token) {
    res.set('WWW-Authenticate', 'Bearer resource_metadata="https://tasks-mcp.example.org/.well-known/oauth-protected-resource"');
    return res.status(401).end();
  }
  introspect(token)
    .then((info) => {
      if (!info.active) return res.status(401).end();
      req.auth = info;
      next();
    })
    .catch(next);
}

const app = express();
app.use(express.json());
app.use('/mcp', bearer);
mountMcp(app, '/mcp');
app.listen(process.env.PORT || 3000);
