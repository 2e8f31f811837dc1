// CommonJS Koa MCP server guarded by a static API key compared with === — secrets must be compared in constant time (e.g. crypto.timingSafeEqual).
'use strict';

const Koa = require('koa');
const { mcpMiddleware } = require('./mcp');

const app = new Koa();
const MCP_API_KEY = process.env.MCP_API_KEY;

app.use(async (ctx, next) => {
  const presented = ctx.get('x-api-key');
  // held-out: secret-compare-not-constant-time
  if (presented === MCP_API_KEY) {
    await next();
    return;
  }
  ctx.status = 401;
  ctx.body = { error: 'unauthorized' };
});

app.use(mcpMiddleware());
app.listen(Number(process.env.PORT) || 3000, '127.0.0.1');
