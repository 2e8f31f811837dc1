// held-out: clean — the requested redirect_uri must be a member of the Set of registered URIs (exact string equality) before the Koa handler redirects to it.
// CommonJS Koa authorization endpoint of an MCP server's built-in OAuth server.
'use strict';

const crypto = require('node:crypto');
const Router = require('@koa/router');
const { clientRegistry, codeStore } = require('./stores');

const router = new Router();

router.get('/oauth/authorize', async (ctx) => {
  const { client_id, redirect_uri, state, code_challenge, code_challenge_method } = ctx.query;
  const client = await clientRegistry.lookup(client_id);
  const allowedRedirects = new Set(client ? client.redirectUris : []);
  if (!allowedRedirects.has(redirect_uri)) {
    ctx.status = 400;
    ctx.body = 'Invalid redirect_uri';
    return;
  }
  if (code_challenge_method !== 'S256' || !code_challenge) {
    ctx.redirect(`${redirect_uri}?error=invalid_request&state=${encodeURIComponent(state || '')}`);
    return;
  }
  const code = crypto.randomBytes(32).toString('hex');
  await codeStore.set(code, { client_id, redirect_uri, code_challenge }, 60);
  ctx.redirect(`${redirect_uri}?code=${code}&state=${encodeURIComponent(state || '')}`);
});

module.exports = router;
