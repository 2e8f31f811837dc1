// CommonJS Koa middleware of an MCP server accepting `?token=` as the bearer credential when the header is absent — spec (authorization): "Access tokens MUST NOT be included in the URI query string."
'use strict';

const { tokenVerifier } = require('./verifier');

module.exports = function mcpAuth() {
  return async function (ctx, next) {
    const headerValue = ctx.get('Authorization');
    let credential = headerValue.startsWith('Bearer ') ? headerValue.slice(7) : undefined;
    if (!credential && typeof ctx.request.query.token === 'string') {
      // held-out: bearer-token-in-query
      credential = ctx.request.query.token;
    }
    if (!credential) {
      ctx.status = 401;
      ctx.set('WWW-Authenticate', 'Bearer resource_metadata="https://pm-mcp.example.com/.well-known/oauth-protected-resource"');
      return;
    }
    try {
      ctx.state.auth = await tokenVerifier.verifyAccessToken(credential);
    } catch {
      ctx.status = 401;
      return;
    }
    await next();
  };
};
