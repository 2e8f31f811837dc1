// CommonJS Koa callback of an MCP server's OAuth client that only rejects a state that is present and different; a missing state passes — best practices: "Reject any callback requests where the state parameter is missing or does not match".
'use strict';

const crypto = require('node:crypto');
const Router = require('@koa/router');
const { exchangeCode } = require('./notion-oauth');

const router = new Router();

router.get('/connect/notion', (ctx) => {
  ctx.session.notionState = crypto.randomBytes(20).toString('hex');
  ctx.redirect(`https://api.notion.example/v1/oauth/authorize?owner=user&response_type=code&client_id=${process.env.NOTION_CLIENT_ID}&state=${ctx.session.notionState}`);
});

router.get('/connect/notion/callback', async (ctx) => {
  const { code, state } = ctx.query;
  // held-out: oauth-state-missing
  if (state && state !== ctx.session.notionState) {
    ctx.throw(400, 'state mismatch');
  }
  ctx.session.notionState = null;
  ctx.session.notion = await exchangeCode(code);
  ctx.body = 'Notion connected';
});

module.exports = router;
