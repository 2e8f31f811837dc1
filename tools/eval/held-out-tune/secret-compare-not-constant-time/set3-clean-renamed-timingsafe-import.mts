// held-out: clean — the renamed import constantTimeEquals is node:crypto's timingSafeEqual; lengths are equalised by hashing first
// Koa MCP server (.mts) checking an Authorization: Token <key> header
import Koa from 'koa';
import { createHash, timingSafeEqual as constantTimeEquals } from 'node:crypto';

const serviceKeyDigest = createHash('sha512').update(process.env.SERVICE_KEY ?? '').digest();

function keyIsValid(presentedKey: string): boolean {
  return constantTimeEquals(createHash('sha512').update(presentedKey).digest(), serviceKeyDigest);
}

const app = new Koa();

app.use(async (ctx, next) => {
  const match = /^Token (.+)$/.exec(ctx.get('Authorization'));
  if (!match || !keyIsValid(match[1])) {
    ctx.status = 401;
    ctx.set('WWW-Authenticate', 'Token');
    return;
  }
  await next();
});

app.use(async (ctx) => {
  if (ctx.path !== '/mcp' || ctx.method !== 'POST') {
    ctx.status = 404;
    return;
  }
  ctx.body = { jsonrpc: '2.0', id: null, result: { content: [{ type: 'text', text: 'ok' }] } };
});

app.listen(3000, '127.0.0.1');
