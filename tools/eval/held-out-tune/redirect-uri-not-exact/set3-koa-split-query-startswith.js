// Koa authorization endpoint that strips the registered URI's query and accepts any redirect_uri starting with what is left — security considerations: "Authorization servers MUST validate exact redirect URIs against pre-registered values"
import Koa from 'koa';
import Router from '@koa/router';
import { randomBytes } from 'node:crypto';
import { findClient, storeCode } from './oauth-store.js';

const router = new Router();

router.get('/oauth/authorize', async (ctx) => {
  const { client_id: clientId, redirect_uri: redirectUri, state } = ctx.query;
  const client = await findClient(clientId);
  if (!client) {
    ctx.status = 400;
    ctx.body = { error: 'invalid_client' };
    return;
  }
  const base = client.redirectUri.split('?')[0];
  // held-out: redirect-uri-not-exact
  if (!String(redirectUri).startsWith(base)) {
    ctx.status = 400;
    ctx.body = { error: 'invalid_request', error_description: 'redirect_uri mismatch' };
    return;
  }
  const code = randomBytes(16).toString('hex');
  await storeCode(code, { clientId, redirectUri, challenge: ctx.query.code_challenge });
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  if (state) target.searchParams.set('state', state);
  ctx.redirect(target.toString());
});

const app = new Koa();
app.use(router.routes());
app.listen(3901);
