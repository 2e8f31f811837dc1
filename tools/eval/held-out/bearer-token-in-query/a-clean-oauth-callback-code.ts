// held-out: clean — the redirect callback reads the authorization code and state from the query string, as OAuth requires; the access token is only ever in the token-endpoint response body
// Upstream OAuth callback of an MCP proxy server on Hono (AUTH: access tokens are not in URIs; RFC 6749 §4.1.2 puts code in the query).
import { Hono } from 'hono';
import { getCookie, deleteCookie } from 'hono/cookie';

const app = new Hono();

app.get('/oauth/callback', async (c) => {
  const code = c.req.query('code');
  const state = c.req.query('state');
  const expected = getCookie(c, 'oauth_state');
  deleteCookie(c, 'oauth_state');
  if (!code || !state || state !== expected) return c.text('invalid callback', 400);
  const r = await fetch('https://idp.example.com/oauth/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: 'https://mcp.example.com/oauth/callback', client_id: 'mcp-proxy' }),
  });
  const { access_token: accessToken } = (await r.json()) as { access_token: string };
  const me = await fetch('https://idp.example.com/userinfo', { headers: { Authorization: `Bearer ${accessToken}` } });
  return c.json(await me.json());
});

export default app;
