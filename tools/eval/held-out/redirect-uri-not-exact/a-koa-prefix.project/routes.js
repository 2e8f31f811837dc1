// redirect-uri-not-exact: a Koa authorize route accepts any redirect_uri whose text begins with the client's registered base — SEC "Authorization servers MUST validate exact redirect URIs against pre-registered values"
import Router from '@koa/router';
import { randomBytes } from 'node:crypto';
import { CLIENTS } from './clients.js';

export const router = new Router();

router.get('/authorize', async (ctx) => {
  const { client_id: clientId, redirect_uri: redirectUri = '', state } = ctx.query;
  const client = CLIENTS[clientId];
  // held-out: redirect-uri-not-exact
  if (!client || redirectUri.indexOf(client.redirectBase) !== 0) {
    ctx.status = 400;
    ctx.body = { error: 'invalid_request' };
    return;
  }
  const code = randomBytes(20).toString('hex');
  ctx.session.codes = { ...(ctx.session.codes || {}), [code]: { clientId, redirectUri } };
  ctx.redirect(`${redirectUri}${redirectUri.includes('?') ? '&' : '?'}code=${code}&state=${state}`);
});
