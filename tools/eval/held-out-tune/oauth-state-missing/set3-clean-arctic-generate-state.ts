// held-out: clean — arctic's generateState() and generateCodeVerifier() are cryptographically random; the callback compares state with its cookie and deletes it
// Hono login routes of an MCP server using arctic's Google provider with PKCE
import { Hono } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { Google, generateState, generateCodeVerifier } from 'arctic';

const google = new Google(process.env.GOOGLE_CLIENT_ID!, process.env.GOOGLE_CLIENT_SECRET!, `${process.env.ORIGIN}/login/google/callback`);
const app = new Hono();

app.get('/login/google', (c) => {
  const state = generateState();
  const codeVerifier = generateCodeVerifier();
  const url = google.createAuthorizationURL(state, codeVerifier, ['openid', 'profile']);
  const cookie = { httpOnly: true, secure: true, sameSite: 'Lax' as const, maxAge: 600, path: '/' };
  setCookie(c, 'google_state', state, cookie);
  setCookie(c, 'google_verifier', codeVerifier, cookie);
  return c.redirect(url.toString());
});

app.get('/login/google/callback', async (c) => {
  const code = c.req.query('code');
  const state = c.req.query('state');
  const storedState = getCookie(c, 'google_state');
  const verifier = getCookie(c, 'google_verifier');
  deleteCookie(c, 'google_state');
  deleteCookie(c, 'google_verifier');
  if (!code || !state || !storedState || !verifier || state !== storedState) {
    return c.text('Invalid login attempt', 400);
  }
  const tokens = await google.validateAuthorizationCode(code, verifier);
  return c.json({ idToken: tokens.idToken().slice(0, 12) });
});

export default app;
