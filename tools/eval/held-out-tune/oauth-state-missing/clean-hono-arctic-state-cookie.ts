// held-out: clean — arctic generateState/generateCodeVerifier, both kept in HttpOnly cookies, state compared and cookies cleared before validateAuthorizationCode.
// Hono MCP server logging users in with Google through arctic; MCP BP state parameter, RFC 7636.
import { Hono } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { Google, generateState, generateCodeVerifier } from 'arctic';

const google = new Google(process.env.GOOGLE_CLIENT_ID!, process.env.GOOGLE_CLIENT_SECRET!, 'https://mcp.notes.example/auth/google/callback');
const cookieOpts = { path: '/', httpOnly: true, secure: true, sameSite: 'Lax' as const, maxAge: 600 };

export const googleAuth = new Hono();

googleAuth.get('/auth/google', (c) => {
  const state = generateState();
  const codeVerifier = generateCodeVerifier();
  const url = google.createAuthorizationURL(state, codeVerifier, ['openid', 'email']);
  setCookie(c, 'g_state', state, cookieOpts);
  setCookie(c, 'g_verifier', codeVerifier, cookieOpts);
  return c.redirect(url.toString());
});

googleAuth.get('/auth/google/callback', async (c) => {
  const code = c.req.query('code');
  const state = c.req.query('state');
  const storedState = getCookie(c, 'g_state');
  const codeVerifier = getCookie(c, 'g_verifier');
  deleteCookie(c, 'g_state');
  deleteCookie(c, 'g_verifier');
  if (!code || !state || !storedState || !codeVerifier || state !== storedState) {
    return c.text('Invalid login attempt', 400);
  }
  const tokens = await google.validateAuthorizationCode(code, codeVerifier);
  return c.json({ ok: true, expiresAt: tokens.accessTokenExpiresAt() });
});
