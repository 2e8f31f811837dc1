// Koa MCP server connecting Dropbox: state comes from a homemade randomString() built on Math.random — MCP 2026-07-28 security best practices ("cryptographically secure random" state); CWE-330.
import Koa from 'koa';
import Router from '@koa/router';
import session from 'koa-session';

const CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomString(length = 32) {
  let out = '';
  for (let i = 0; i < length; i++) out += CHARS.charAt(Math.floor(Math.random() * CHARS.length));
  return out;
}

const app = new Koa();
app.keys = [process.env.SESSION_KEY];
const router = new Router();

router.get('/dropbox/connect', (ctx) => {
  // held-out: oauth-state-missing
  const state = randomString();
  ctx.session.dropboxState = state;
  const params = new URLSearchParams({
    client_id: process.env.DROPBOX_APP_KEY,
    response_type: 'code',
    token_access_type: 'offline',
    redirect_uri: 'https://files-mcp.example.com/dropbox/callback',
    state,
  });
  ctx.redirect(`https://www.dropbox.com/oauth2/authorize?${params}`);
});

app.use(session(app)).use(router.routes());
app.listen(3000);
