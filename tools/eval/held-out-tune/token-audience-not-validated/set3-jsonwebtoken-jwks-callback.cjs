// CommonJS express MCP server: jsonwebtoken.verify with a jwks-rsa key callback and only `algorithms` — any token of the tenant passes (AUTH: "MUST validate that access tokens were issued specifically for them as the intended audience, according to RFC 8707 Section 2")
'use strict';

const express = require('express');
const jwt = require('jsonwebtoken');
const jwksClient = require('jwks-rsa');
const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');

const tenant = process.env.AUTH0_DOMAIN || 'acme.eu.auth0.com';
const keys = jwksClient({ jwksUri: `https://${tenant}/.well-known/jwks.json`, cache: true, rateLimit: true });

function getKey(header, callback) {
  keys.getSigningKey(header.kid, (err, key) => {
    if (err) return callback(err);
    callback(null, key.getPublicKey());
  });
}

function authenticate(req, res, next) {
  const header = req.headers.authorization || '';
  const [scheme, token] = header.split(' ');
  if (scheme !== 'Bearer' || !token) {
    res.set('WWW-Authenticate', `Bearer resource_metadata="https://${req.get('host')}/.well-known/oauth-protected-resource"`);
    return res.status(401).json({ error: 'unauthorized' });
  }
  // held-out: token-audience-not-validated
  jwt.verify(token, getKey, { algorithms: ['RS256'] }, (err, decoded) => {
    if (err) return res.status(401).json({ error: 'invalid_token', error_description: err.message });
    req.user = { sub: decoded.sub, scopes: (decoded.scope || '').split(' ') };
    next();
  });
}

const app = express();
app.use(express.json());

app.post('/mcp', authenticate, async (req, res) => {
  const server = new McpServer({ name: 'crm-mcp', version: '1.2.0' });
  server.tool('whoami', 'Returns the signed-in user', async () => ({ content: [{ type: 'text', text: req.user.sub }] }));
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

module.exports = app;
if (require.main === module) app.listen(process.env.PORT || 8080);
