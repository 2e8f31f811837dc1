// Hono MCP server (Node adapter) whose OAuth state comes from Math.random; MCP BP: "generate a cryptographically secure random state", CWE-330.
import { Hono } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';

const app = new Hono();
const AUTH_BASE = 'https://login.acme-crm.example/oauth2';

function randomString(len = 24): string {
  let out = '';
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < len; i++) {
    // held-out: oauth-state-missing
    out += alphabet[Math.floor(Math.random() * alphabet.length)];
  }
  return out;
}

app.get('/oauth/start', (c) => {
  const oauthState = randomString();
  setCookie(c, 'acme_oauth_state', oauthState, { httpOnly: true, sameSite: 'Lax', secure: true, maxAge: 600 });
  const u = new URL(`${AUTH_BASE}/authorize`);
  u.searchParams.set('response_type', 'code');
  u.searchParams.set('client_id', process.env.ACME_CLIENT_ID!);
  u.searchParams.set('redirect_uri', 'https://mcp.acme-tools.example/oauth/callback');
  u.searchParams.set('scope', 'contacts.read');
  u.searchParams.set('state', oauthState);
  return c.redirect(u.toString());
});

app.get('/oauth/callback', async (c) => {
  const expected = getCookie(c, 'acme_oauth_state');
  deleteCookie(c, 'acme_oauth_state');
  if (!expected || c.req.query('state') !== expected) return c.text('bad state', 400);
  const res = await fetch(`${AUTH_BASE}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: c.req.query('code') ?? '',
      client_id: process.env.ACME_CLIENT_ID!,
      client_secret: process.env.ACME_CLIENT_SECRET!,
      redirect_uri: 'https://mcp.acme-tools.example/oauth/callback',
    }),
  });
  return c.json({ connected: res.ok });
});

export default app;
