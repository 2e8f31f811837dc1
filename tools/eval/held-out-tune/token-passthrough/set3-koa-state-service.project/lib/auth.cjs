// Koa middleware (CommonJS): requires a bearer token and keeps it on ctx.state for the handlers
'use strict';

module.exports = async function requireBearer(ctx, next) {
  const header = ctx.get('Authorization');
  if (!header || !header.toLowerCase().startsWith('bearer ')) {
    ctx.set('WWW-Authenticate', 'Bearer resource_metadata="https://gitlab-mcp.example.com/.well-known/oauth-protected-resource"');
    ctx.throw(401, 'bearer token required');
  }
  ctx.state.accessToken = header.split(' ')[1];
  await next();
};
