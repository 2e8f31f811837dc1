// Hono MCP proxy starting a Slack OAuth flow with a state made from Math.random — MCP 2026-07-28 security best practices: the state must be "cryptographically secure random"; RFC 6749 §10.12.
import { Hono } from 'hono';
import { setCookie, getCookie, deleteCookie } from 'hono/cookie';

type Bindings = { SLACK_CLIENT_ID: string; SLACK_CLIENT_SECRET: string };
const app = new Hono<{ Bindings: Bindings }>();

app.get('/slack/install', (c) => {
  // held-out: oauth-state-missing
  const state = Math.random().toString(36).substring(2, 15) + Math.random().toString(36).substring(2, 15);
  setCookie(c, 'slack_state', state, { httpOnly: true, secure: true, sameSite: 'Lax', maxAge: 600 });
  const authorize = new URL('https://slack.com/oauth/v2/authorize');
  authorize.searchParams.set('client_id', c.env.SLACK_CLIENT_ID);
  authorize.searchParams.set('user_scope', 'channels:history,chat:write');
  authorize.searchParams.set('redirect_uri', new URL('/slack/callback', c.req.url).href);
  authorize.searchParams.set('state', state);
  return c.redirect(authorize.href);
});

app.get('/slack/callback', async (c) => {
  if (!c.req.query('state') || c.req.query('state') !== getCookie(c, 'slack_state')) return c.text('state mismatch', 400);
  deleteCookie(c, 'slack_state');
  const form = new URLSearchParams({ code: c.req.query('code') ?? '', client_id: c.env.SLACK_CLIENT_ID, client_secret: c.env.SLACK_CLIENT_SECRET });
  const result = await fetch('https://slack.com/api/oauth.v2.access', { method: 'POST', body: form }).then((r) => r.json());
  return c.json({ connected: Boolean((result as { ok: boolean }).ok) });
});

export default app;
