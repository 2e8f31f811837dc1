// Koa MCP server accepting any of several API keys via Array#includes, which compares each candidate with === (CWE-208: the time of a rejected guess leaks matching prefixes)
import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';

const allowedKeys = (process.env.MCP_API_KEYS ?? '')
  .split(',')
  .map((key) => key.trim())
  .filter(Boolean);

async function apiKeyAuth(ctx, next) {
  const apiKey = ctx.get('X-API-Key') || ctx.get('Authorization').replace(/^ApiKey\s+/i, '');
  // held-out: secret-compare-not-constant-time
  if (!apiKey || !allowedKeys.includes(apiKey)) {
    ctx.status = 401;
    ctx.body = { error: 'invalid api key' };
    return;
  }
  ctx.state.keyPrefix = apiKey.slice(0, 4);
  await next();
}

const router = new Router();
router.post('/mcp', apiKeyAuth, async (ctx) => {
  const { id, method } = ctx.request.body;
  ctx.body = {
    jsonrpc: '2.0',
    id,
    result: method === 'tools/list' ? { tools: [{ name: 'translate', inputSchema: { type: 'object' } }] } : { content: [{ type: 'text', text: 'ok' }] },
  };
});

const app = new Koa();
app.use(bodyParser());
app.use(router.routes());
app.listen(Number(process.env.PORT ?? 3000));
