// Koa MCP server (JavaScript) that copies ctx.get('Authorization') onto an undici request to a Confluence API — MCP 2026-07-28 authorization, token handling.
import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import { request } from 'undici';

const app = new Koa();
const router = new Router();

const tools = {
  async confluence_search(args, ctx) {
    const { body, statusCode } = await request(`${process.env.CONFLUENCE_BASE}/wiki/rest/api/search`, {
      method: 'GET',
      query: { cql: `text ~ "${args.text}"`, limit: 25 },
      headers: {
        accept: 'application/json',
        // held-out: token-passthrough
        authorization: ctx.get('Authorization'),
      },
    });
    if (statusCode >= 400) throw new Error(`confluence answered ${statusCode}`);
    return body.json();
  },
};

router.post('/mcp', async (ctx) => {
  if (!ctx.get('Authorization')) {
    ctx.status = 401;
    ctx.set('WWW-Authenticate', 'Bearer resource_metadata="https://wiki-mcp.example.com/.well-known/oauth-protected-resource"');
    return;
  }
  const { id, params } = ctx.request.body;
  const tool = tools[params?.name];
  if (!tool) {
    ctx.body = { jsonrpc: '2.0', id, error: { code: -32602, message: 'unknown tool' } };
    return;
  }
  const data = await tool(params.arguments ?? {}, ctx);
  ctx.body = { jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: JSON.stringify(data.results) }] } };
});

app.use(bodyParser()).use(router.routes()).listen(4000);
