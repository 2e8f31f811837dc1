// held-out: clean — arctic's generateState/generateCodeVerifier, both kept in short-lived HttpOnly cookies and compared on the callback
// Hono MCP server linking a Google account (MCP 2026-07-28 security best practices, state parameter; PKCE).
import { Hono } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { Google, generateCodeVerifier, generateState } from 'arctic';

type Bindings = { GOOGLE_CLIENT_ID: string; GOOGLE_CLIENT_SECRET: string };
const app = new Hono<{ Bindings: Bindings }>();

const google = (env: Bindings) => new Google(env.GOOGLE_CLIENT_ID, env.GOOGLE_CLIENT_SECRET, 'https://tasks-mcp.example.com/google/callback');

app.get('/google/login', (c) => {
  const state = generateState();
  const codeVerifier = generateCodeVerifier();
  const url = google(c.env).createAuthorizationURL(state, codeVerifier, ['openid', 'https://www.googleapis.com/auth/tasks']);
  const cookie = { httpOnly: true, secure: true, sameSite: 'Lax' as const, maxAge: 600, path: '/' };
  setCookie(c, 'g_state', state, cookie);
  setCookie(c, 'g_verifier', codeVerifier, cookie);
  return c.redirect(url.toString());
});

app.get('/google/callback', async (c) => {
  const storedState = getCookie(c, 'g_state');
  const verifier = getCookie(c, 'g_verifier');
  deleteCookie(c, 'g_state');
  deleteCookie(c, 'g_verifier');
  if (!storedState || !verifier || c.req.query('state') !== storedState) return c.text('invalid state', 400);
  const tokens = await google(c.env).validateAuthorizationCode(c.req.query('code') ?? '', verifier);
  return c.json({ linked: true, expiresAt: tokens.accessTokenExpiresAt() });
});

export default app;
