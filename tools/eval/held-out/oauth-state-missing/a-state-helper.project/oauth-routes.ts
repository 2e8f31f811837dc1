// Upstream (Linear) OAuth routes of an MCP proxy server; state comes from state.ts.
import { Hono } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { newOAuthState, STATE_COOKIE } from './state.js';

export const oauthRoutes = new Hono();

oauthRoutes.get('/linear/start', (c) => {
  const state = newOAuthState();
  setCookie(c, STATE_COOKIE, state, { httpOnly: true, secure: true, sameSite: 'Lax', path: '/linear' });
  const u = new URL('https://linear.app/oauth/authorize');
  u.searchParams.set('client_id', process.env.LINEAR_CLIENT_ID!);
  u.searchParams.set('redirect_uri', 'https://linear-mcp.example.com/linear/callback');
  u.searchParams.set('response_type', 'code');
  u.searchParams.set('scope', 'read');
  u.searchParams.set('state', state);
  return c.redirect(u.toString());
});

oauthRoutes.get('/linear/callback', async (c) => {
  const expected = getCookie(c, STATE_COOKIE);
  deleteCookie(c, STATE_COOKIE, { path: '/linear' });
  if (!expected || c.req.query('state') !== expected) return c.text('state mismatch', 400);
  return c.text('connected');
});
