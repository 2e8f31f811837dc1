// held-out: clean — jsonwebtoken.verify runs without an audience option, but the decoded `aud` (string or array) is compared with this server's URL right after and mismatches are rejected.
// CommonJS Koa middleware of an MCP resource server.
'use strict';

const jwt = require('jsonwebtoken');

const SERVER_URL = process.env.MCP_SERVER_URL || 'https://docs-mcp.example.com';
const PUBLIC_KEY = process.env.AS_PUBLIC_KEY_PEM;

function audienceMatches(aud) {
  const list = Array.isArray(aud) ? aud : [aud];
  return list.some((a) => a === SERVER_URL || a === `${SERVER_URL}/mcp`);
}

module.exports = async function bearerGuard(ctx, next) {
  const value = ctx.get('Authorization');
  if (!value.startsWith('Bearer ')) {
    ctx.status = 401;
    ctx.set('WWW-Authenticate', `Bearer resource_metadata="${SERVER_URL}/.well-known/oauth-protected-resource"`);
    return;
  }
  let claims;
  try {
    claims = jwt.verify(value.slice(7), PUBLIC_KEY, { algorithms: ['RS256'], issuer: 'https://as.example.com' });
  } catch (err) {
    ctx.status = 401;
    ctx.body = { error: 'invalid_token' };
    return;
  }
  if (!audienceMatches(claims.aud)) {
    ctx.status = 401;
    ctx.body = { error: 'invalid_token', error_description: 'token not issued for this resource' };
    return;
  }
  ctx.state.principal = { sub: claims.sub, scopes: String(claims.scope || '').split(' ') };
  await next();
};
