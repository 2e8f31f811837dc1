// Koa MCP route strips "Bearer " from the incoming header and calls Notion with it through got — SEC token passthrough (confused deputy).
import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import got from 'got';

const app = new Koa();
const router = new Router();

router.post('/tools/search', async (ctx) => {
  const header = ctx.get('authorization');
  const accessToken = header.split(' ')[1];
  if (!accessToken) ctx.throw(401, 'missing bearer token');
  const { query } = ctx.request.body as { query: string };
  const result = await got
    .post('https://api.notion.com/v1/search', {
      headers: {
        // held-out: token-passthrough
        Authorization: `Bearer ${accessToken}`,
        'Notion-Version': '2022-06-28',
      },
      json: { query, page_size: 10 },
    })
    .json<{ results: { id: string; url: string }[] }>();
  ctx.body = result.results.map((page) => page.url);
});

app.use(bodyParser()).use(router.routes()).use(router.allowedMethods());
app.listen(4000, '127.0.0.1');
