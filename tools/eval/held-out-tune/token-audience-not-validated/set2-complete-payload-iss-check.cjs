// node:http MCP server that verifies with jsonwebtoken { complete: true } and then checks iss and exp by hand; aud is never looked at — MCP 2026-07-28 security considerations, token audience binding and validation.
const http = require('node:http');
const jwt = require('jsonwebtoken');

const TRUSTED_ISSUER = 'https://auth.corp.example';
const KEY = process.env.AUTH_PUBLIC_KEY;

function authenticate(req) {
  const header = req.headers.authorization;
  if (!header || !header.startsWith('Bearer ')) return null;
  const bearerToken = header.substring('Bearer '.length);
  // held-out: token-audience-not-validated
  const { payload } = jwt.verify(bearerToken, KEY, { complete: true, algorithms: ['RS256'] });
  if (payload.iss !== TRUSTED_ISSUER) throw new Error('untrusted issuer');
  return { sub: payload.sub, scope: payload.scope };
}

http
  .createServer((req, res) => {
    let principal;
    try {
      principal = authenticate(req);
    } catch {
      principal = null;
    }
    if (!principal) {
      res.writeHead(401, { 'WWW-Authenticate': 'Bearer resource_metadata="https://corp-mcp.example/.well-known/oauth-protected-resource"' });
      res.end();
      return;
    }
    require('./mcp-dispatch.cjs').dispatch(req, res, principal);
  })
  .listen(8443);
