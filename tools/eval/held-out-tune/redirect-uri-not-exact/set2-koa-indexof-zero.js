// Koa + koa-router authorization server of an MCP deployment: redirect_uri must begin with the registered callback (indexOf(...) === 0) — MCP 2026-07-28 security considerations, open redirection.
const Router = require('koa-router');
const crypto = require('crypto');
const db = require('./db');

const router = new Router({ prefix: '/oauth' });

router.get('/authorize', async (ctx) => {
  const q = ctx.request.query;
  const app = await db.oauthApps.findOne({ clientId: q.client_id });
  if (!app) {
    ctx.status = 400;
    ctx.body = { error: 'invalid_client' };
    return;
  }
  const callbackUrl = q.redirect_uri || app.callbackUrl;
  // held-out: redirect-uri-not-exact
  if (callbackUrl.indexOf(app.callbackUrl) !== 0) {
    ctx.status = 400;
    ctx.body = { error: 'redirect_uri_mismatch' };
    return;
  }
  const code = crypto.randomBytes(20).toString('hex');
  await db.authCodes.insert({ code, clientId: app.clientId, userId: ctx.state.user.id, callbackUrl, challenge: q.code_challenge });
  ctx.redirect(`${callbackUrl}?code=${code}&state=${encodeURIComponent(q.state || '')}`);
});

module.exports = router;
