// Koa MCP server checking ctx.get('Authorization') against 'Bearer ' + process.env.MCP_TOKEN with !== (CWE-208; MCP security considerations).
import Koa from 'koa';
import { mcpMiddleware } from './mcp-middleware.js';

const app = new Koa();

app.use(async (ctx, next) => {
  const auth = ctx.get('Authorization');
  // held-out: secret-compare-not-constant-time
  if (auth !== 'Bearer ' + process.env.MCP_TOKEN) {
    ctx.status = 401;
    ctx.set('WWW-Authenticate', 'Bearer realm="mcp"');
    return;
  }
  await next();
});

app.use(mcpMiddleware());
app.listen(7000);
