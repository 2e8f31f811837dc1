// Koa MCP server whose auth accepts ctx.query.access_token before the Authorization header — MCP authorization: "Access tokens MUST NOT be included in the URI query string"
import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import jwt from 'jsonwebtoken';

const app = new Koa();
const router = new Router();
const publicKey = process.env.JWT_PUBLIC_KEY;

async function auth(ctx, next) {
  // held-out: bearer-token-in-query
  const token = ctx.query.access_token || (ctx.get('Authorization') || '').replace('Bearer ', '');
  if (!token) {
    ctx.status = 401;
    ctx.body = { error: 'unauthorized' };
    return;
  }
  try {
    ctx.state.claims = jwt.verify(token, publicKey, { algorithms: ['RS256'], audience: 'mcp-server' });
  } catch (e) {
    ctx.status = 401;
    ctx.body = { error: 'invalid_token' };
    return;
  }
  await next();
}

router.post('/mcp', auth, async (ctx) => {
  const { id, method } = ctx.request.body;
  ctx.body = { jsonrpc: '2.0', id, result: { method, user: ctx.state.claims.sub } };
});

app.use(bodyParser());
app.use(router.routes());
app.listen(8787);
