// Koa app (CommonJS) answering MCP tools/call requests with the GitLab service
'use strict';

const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const requireBearer = require('./auth.cjs');
const gitlab = require('./gitlab.cjs');

const tools = {
  open_merge_requests: (ctx, args) => gitlab.listMergeRequests(ctx, args.project),
  pipeline_status: (ctx, args) => gitlab.getPipeline(ctx, args.project, args.pipeline),
};

const router = new Router();
router.post('/mcp', requireBearer, async (ctx) => {
  const { id, method, params = {} } = ctx.request.body;
  const tool = method === 'tools/call' ? tools[params.name] : undefined;
  if (!tool) {
    ctx.body = { jsonrpc: '2.0', id, error: { code: -32601, message: `unsupported: ${method}` } };
    return;
  }
  const data = await tool(ctx, params.arguments || {});
  ctx.body = { jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: JSON.stringify(data) }] } };
});

const app = new Koa();
app.use(bodyParser()).use(router.routes()).use(router.allowedMethods());
app.listen(process.env.PORT || 3000);
