// held-out: clean — the bearer token is compared with constantTimeEqual() from compare.ts; the other comparisons are of the scheme and a length
// Koa MCP server with a static bearer token for a single trusted client.
import Koa from 'koa';
import { constantTimeEqual } from './compare.js';
import { mcp } from './mcp.js';

const expectedToken = process.env.MCP_STATIC_TOKEN ?? '';
if (expectedToken.length === 0) throw new Error('MCP_STATIC_TOKEN is required');

const app = new Koa();
app.use(async (ctx, next) => {
  const [scheme, token] = ctx.get('authorization').split(' ');
  if (scheme !== 'Bearer' || !token || !constantTimeEqual(token, expectedToken)) {
    ctx.status = 401;
    ctx.set('WWW-Authenticate', 'Bearer');
    return;
  }
  await next();
});
app.use(mcp.routes());
app.listen(3000, '127.0.0.1');
