// Hono callback using simple-oauth2 getToken without comparing the state it set in a cookie — security best practices: "Reject any callback requests where the state parameter is missing or does not match"
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { AuthorizationCode } from 'simple-oauth2';
import { randomBytes } from 'node:crypto';
import { persistTokens } from './persist';

const oauth = new AuthorizationCode({
  client: { id: process.env.GITLAB_CLIENT_ID!, secret: process.env.GITLAB_CLIENT_SECRET! },
  auth: { tokenHost: 'https://gitlab.com', authorizePath: '/oauth/authorize', tokenPath: '/oauth/token' },
});
const REDIRECT_URI = process.env.GITLAB_REDIRECT_URI ?? 'http://localhost:8787/gitlab/callback';

const app = new Hono();

app.get('/gitlab/login', (c) => {
  const state = randomBytes(24).toString('base64url');
  setCookie(c, 'gl_state', state, { httpOnly: true, sameSite: 'Lax', path: '/gitlab' });
  const url = oauth.authorizeURL({ redirect_uri: REDIRECT_URI, scope: 'read_api', state });
  return c.redirect(url);
});

app.get('/gitlab/callback', async (c) => {
  const code = c.req.query('code');
  if (!code) return c.text('missing code', 400);
  // held-out: oauth-state-missing
  const accessToken = await oauth.getToken({ code, redirect_uri: REDIRECT_URI });
  await persistTokens('gitlab', accessToken.token);
  return c.html('<p>GitLab connected. You can close this tab.</p>');
});

export default app;
