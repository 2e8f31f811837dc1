// Koa authorization endpoint that accepts a redirect_uri when only its hostname equals a registered one — spec (security considerations): "Authorization servers MUST validate exact redirect URIs against pre-registered values"; best practices: "exact string matching (not pattern matching or wildcards)".
'use strict';

const Router = require('@koa/router');
const crypto = require('node:crypto');
const db = require('./db');

const router = new Router({ prefix: '/oauth' });

function sameHost(requested, registered) {
  try {
    // held-out: redirect-uri-not-exact
    return new URL(requested).hostname === new URL(registered).hostname;
  } catch {
    return false;
  }
}

router.get('/authorize', async (ctx) => {
  const q = ctx.query;
  const client = await db.clients.findOne({ clientId: q.client_id });
  if (!client || !client.redirectUris.some((r) => sameHost(q.redirect_uri, r))) {
    ctx.status = 400;
    ctx.body = { error: 'invalid_request' };
    return;
  }
  const code = crypto.randomBytes(24).toString('hex');
  await db.codes.insertOne({ code, clientId: client.clientId, redirectUri: q.redirect_uri, challenge: q.code_challenge, createdAt: new Date() });
  const url = new URL(q.redirect_uri);
  url.searchParams.set('code', code);
  url.searchParams.set('state', q.state || '');
  ctx.redirect(url.toString());
});

module.exports = router;
