// Koa MCP server that authenticates every request with TokenValidator from token-validator.js.
import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import { TokenValidator } from './token-validator.js';

const validator = new TokenValidator({
  issuer: 'https://sso.example.edu/realms/staff',
  jwksUri: 'https://sso.example.edu/realms/staff/protocol/openid-connect/certs',
});

const app = new Koa();
const router = new Router();

app.use(async (ctx, next) => {
  const m = /^Bearer\s+(.+)$/i.exec(ctx.get('Authorization'));
  if (!m) {
    ctx.set('WWW-Authenticate', 'Bearer resource_metadata="https://grades-mcp.example.edu/.well-known/oauth-protected-resource"');
    ctx.throw(401);
  }
  try {
    ctx.state.claims = await validator.validate(m[1]);
  } catch {
    ctx.throw(401, 'invalid_token');
  }
  await next();
});

router.post('/mcp', async (ctx) => {
  ctx.body = { jsonrpc: '2.0', id: ctx.request.body.id, result: { user: ctx.state.claims.sub } };
});

app.use(bodyParser()).use(router.routes());
app.listen(3000, '0.0.0.0');
