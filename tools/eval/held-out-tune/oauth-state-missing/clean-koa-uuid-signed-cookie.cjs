// held-out: clean — state is crypto.randomUUID() in a signed HttpOnly cookie, compared with the callback's state and cleared before the code is redeemed.
// Koa MCP connector (CommonJS) linking a Zoom account; MCP BP state parameter, RFC 6749 §10.12.
const Router = require('@koa/router');
const { randomUUID } = require('node:crypto');

const router = new Router();
const COOKIE = 'zoom_oauth_state';

router.get('/zoom/connect', (ctx) => {
  const state = randomUUID();
  ctx.cookies.set(COOKIE, state, { signed: true, httpOnly: true, sameSite: 'lax', maxAge: 10 * 60 * 1000 });
  const qs = new URLSearchParams({ response_type: 'code', client_id: process.env.ZOOM_CLIENT_ID, redirect_uri: process.env.ZOOM_REDIRECT_URI, state });
  ctx.redirect(`https://zoom.us/oauth/authorize?${qs}`);
});

router.get('/zoom/callback', async (ctx) => {
  const expected = ctx.cookies.get(COOKIE, { signed: true });
  ctx.cookies.set(COOKIE, null);
  const { code, state } = ctx.query;
  if (!expected || typeof state !== 'string' || state !== expected) {
    ctx.status = 400;
    ctx.body = 'Login expired, please try again.';
    return;
  }
  const basic = Buffer.from(`${process.env.ZOOM_CLIENT_ID}:${process.env.ZOOM_CLIENT_SECRET}`).toString('base64');
  const res = await fetch('https://zoom.us/oauth/token', {
    method: 'POST',
    headers: { Authorization: `Basic ${basic}` },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: process.env.ZOOM_REDIRECT_URI }),
  });
  ctx.state.zoomTokens = await res.json();
  ctx.redirect('/settings/integrations');
});

module.exports = router;
