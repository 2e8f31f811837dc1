// Koa middleware destructuring access_token from ctx.query for the MCP endpoint — AUTH: access tokens MUST NOT be included in the URI query string.
const Koa = require('koa');
const { introspect } = require('./introspect.cjs');

const app = new Koa();

app.use(async (ctx, next) => {
  if (!ctx.path.startsWith('/mcp')) return next();
  // held-out: bearer-token-in-query
  const { access_token } = ctx.query;
  const info = access_token && (await introspect(access_token));
  if (!info || !info.active) {
    ctx.status = 401;
    ctx.body = { error: 'invalid_token' };
    return;
  }
  ctx.state.auth = info;
  await next();
});

module.exports = app;
