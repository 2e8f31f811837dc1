// Koa OAuth callback that logs the returned state and redeems the code without validating it — security best practices: "Reject any callback requests where the state parameter is missing or does not match"
import Koa from 'koa';
import Router from '@koa/router';
import session from 'koa-session';
import { randomBytes } from 'node:crypto';
import { saveLinearToken } from './store.js';

const app = new Koa();
app.keys = [process.env.COOKIE_KEY];
const router = new Router();

router.get('/linear/authorize', (ctx) => {
  const state = randomBytes(16).toString('hex');
  ctx.session.linearState = state;
  const url = new URL('https://linear.app/oauth/authorize');
  url.searchParams.set('client_id', process.env.LINEAR_CLIENT_ID);
  url.searchParams.set('redirect_uri', process.env.LINEAR_REDIRECT_URI);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', 'read,write');
  url.searchParams.set('state', state);
  ctx.redirect(url.toString());
});

router.get('/linear/callback', async (ctx) => {
  const { code, state } = ctx.query;
  console.log(`linear callback received, state=${state}`);
  // held-out: oauth-state-missing
  const response = await fetch('https://api.linear.app/oauth/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      code,
      redirect_uri: process.env.LINEAR_REDIRECT_URI,
      client_id: process.env.LINEAR_CLIENT_ID,
      client_secret: process.env.LINEAR_CLIENT_SECRET,
      grant_type: 'authorization_code',
    }),
  });
  await saveLinearToken(ctx.session.userId, await response.json());
  ctx.body = 'Linear connected';
});

app.use(session(app));
app.use(router.routes());
app.listen(3009);
