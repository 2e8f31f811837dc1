// State made by a local generateRandomString helper built on Math.random — security best practices: "generate a cryptographically secure random state"
import { Hono } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';

const CHARSET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function generateRandomString(length: number): string {
  let result = '';
  for (let i = 0; i < length; i++) {
    result += CHARSET.charAt(Math.floor(Math.random() * CHARSET.length));
  }
  return result;
}

const app = new Hono<{ Bindings: { DISCORD_CLIENT_ID: string; DISCORD_CLIENT_SECRET: string; REDIRECT: string } }>();

app.get('/login', (c) => {
  // held-out: oauth-state-missing
  const state = generateRandomString(32);
  setCookie(c, 'discord_state', state, { httpOnly: true, secure: true, sameSite: 'Lax', maxAge: 600 });
  const url = new URL('https://discord.com/oauth2/authorize');
  url.searchParams.set('client_id', c.env.DISCORD_CLIENT_ID);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', c.env.REDIRECT);
  url.searchParams.set('scope', 'identify guilds');
  url.searchParams.set('state', state);
  return c.redirect(url.toString());
});

app.get('/callback', async (c) => {
  const expected = getCookie(c, 'discord_state');
  if (!expected || c.req.query('state') !== expected) return c.text('bad state', 400);
  deleteCookie(c, 'discord_state');
  const res = await fetch('https://discord.com/api/oauth2/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: c.req.query('code') ?? '',
      redirect_uri: c.env.REDIRECT,
      client_id: c.env.DISCORD_CLIENT_ID,
      client_secret: c.env.DISCORD_CLIENT_SECRET,
    }),
  });
  return c.json(await res.json());
});

export default app;
