// held-out: clean — nanoid draws from the platform CSPRNG; the state is kept in the session and checked once on the callback
// Koa MCP server connecting Todoist (MCP 2026-07-28 security best practices, state parameter).
import Koa from 'koa';
import Router from '@koa/router';
import session from 'koa-session';
import { nanoid } from 'nanoid';

const app = new Koa();
app.keys = [process.env.SESSION_KEY];
const router = new Router();

router.get('/todoist/connect', (ctx) => {
  const state = nanoid(32);
  ctx.session.todoistState = state;
  ctx.redirect(`https://todoist.com/oauth/authorize?client_id=${process.env.TODOIST_CLIENT_ID}&scope=data:read&state=${state}`);
});

router.get('/todoist/callback', async (ctx) => {
  const expected = ctx.session.todoistState;
  ctx.session.todoistState = null;
  if (!expected || ctx.query.state !== expected) ctx.throw(400, 'state mismatch');
  const res = await fetch('https://todoist.com/oauth/access_token', {
    method: 'POST',
    body: new URLSearchParams({ client_id: process.env.TODOIST_CLIENT_ID, client_secret: process.env.TODOIST_CLIENT_SECRET, code: String(ctx.query.code) }),
  });
  ctx.session.todoist = await res.json();
  ctx.body = 'Todoist connected';
});

app.use(session(app)).use(router.routes());
app.listen(3000);
