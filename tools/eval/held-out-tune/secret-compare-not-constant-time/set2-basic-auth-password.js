// HTTP Basic auth in front of an MCP SSE server comparing the decoded password with ADMIN_PASSWORD by === (CWE-208).
const express = require('express');
const { attachSse } = require('./sse');

const app = express();

app.use((req, res, next) => {
  const header = req.headers.authorization || '';
  const [scheme, encoded] = header.split(' ');
  if (scheme !== 'Basic' || !encoded) {
    res.set('WWW-Authenticate', 'Basic realm="mcp"');
    return res.sendStatus(401);
  }
  const [user, password] = Buffer.from(encoded, 'base64').toString('utf8').split(':');
  // held-out: secret-compare-not-constant-time
  if (user === process.env.ADMIN_USER && password === process.env.ADMIN_PASSWORD) return next();
  res.set('WWW-Authenticate', 'Basic realm="mcp"');
  res.sendStatus(401);
});

attachSse(app);
app.listen(process.env.PORT || 3005);
