// Hono + arctic GitHub login: state is generated and stored in a cookie, but the callback never compares it before redeeming the code; MCP BP: "Reject any callback requests where the state parameter is missing or does not match".
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { GitHub, generateState } from 'arctic';
import { linkAccount } from './accounts';

const github = new GitHub(process.env.GITHUB_CLIENT_ID!, process.env.GITHUB_CLIENT_SECRET!, 'https://mcp.devtools.example/login/github/callback');

export const auth = new Hono();

auth.get('/login/github', (c) => {
  const state = generateState();
  const url = github.createAuthorizationURL(state, ['read:user', 'read:org']);
  setCookie(c, 'github_oauth_state', state, { path: '/', httpOnly: true, secure: true, sameSite: 'Lax', maxAge: 600 });
  return c.redirect(url.toString());
});

auth.get('/login/github/callback', async (c) => {
  const code = c.req.query('code');
  if (!code) return c.text('missing code', 400);
  // held-out: oauth-state-missing
  const tokens = await github.validateAuthorizationCode(code);
  await linkAccount(c.get('userId'), tokens.accessToken());
  return c.redirect('/');
});
