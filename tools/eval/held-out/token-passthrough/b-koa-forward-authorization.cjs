// Koa MCP gateway that copies the incoming Authorization header onto its call to the billing API — spec (authorization, token handling): "The MCP server MUST NOT pass through the token it received from the MCP client."
'use strict';

const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');

const BILLING_API = process.env.BILLING_API || 'https://billing.internal.example.com';

async function callBilling(path, incomingAuthorization) {
  const res = await fetch(`${BILLING_API}${path}`, {
    headers: {
      accept: 'application/json',
      // held-out: token-passthrough
      authorization: incomingAuthorization,
    },
  });
  if (!res.ok) throw new Error(`billing ${res.status}`);
  return res.json();
}

const tools = {
  async get_invoice(args, ctx) {
    const invoice = await callBilling(`/v2/invoices/${encodeURIComponent(args.id)}`, ctx.headers.authorization);
    return { content: [{ type: 'text', text: JSON.stringify(invoice) }] };
  },
};

const router = new Router();
router.post('/mcp', async (ctx) => {
  const { id, method, params } = ctx.request.body;
  if (method === 'tools/call' && tools[params.name]) {
    const result = await tools[params.name](params.arguments || {}, ctx);
    ctx.body = { jsonrpc: '2.0', id, result };
    return;
  }
  ctx.body = { jsonrpc: '2.0', id, error: { code: -32601, message: 'method not found' } };
});

const app = new Koa();
app.use(bodyParser());
app.use(async (ctx, next) => {
  if (!/^Bearer\s+\S+/.test(ctx.get('authorization'))) {
    ctx.status = 401;
    ctx.set('WWW-Authenticate', 'Bearer resource_metadata="https://billing-mcp.example.com/.well-known/oauth-protected-resource"');
    return;
  }
  await next();
});
app.use(router.routes());

module.exports = app;
