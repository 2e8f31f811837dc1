// held-out: clean — a random state key (crypto.randomUUID) maps to the pending MCP request in KV, is bound to a cookie, and is deleted on first use
// Cloudflare Worker MCP proxy's upstream GitHub login (MCP 2026-07-28 security best practices, state: random, server-side, single use).
import type { AuthRequest, OAuthHelpers } from '@cloudflare/workers-oauth-provider';
import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

type Bindings = { OAUTH_PROVIDER: OAuthHelpers; OAUTH_KV: KVNamespace; GITHUB_CLIENT_ID: string; GITHUB_CLIENT_SECRET: string };
const app = new Hono<{ Bindings: Bindings }>();

app.get('/authorize', async (c) => {
  const oauthReqInfo = await c.env.OAUTH_PROVIDER.parseAuthRequest(c.req.raw);
  const stateKey = crypto.randomUUID();
  await c.env.OAUTH_KV.put(`oauth:state:${stateKey}`, JSON.stringify(oauthReqInfo), { expirationTtl: 600 });
  setCookie(c, '__Host-gh_state', stateKey, { httpOnly: true, secure: true, sameSite: 'Lax', path: '/', maxAge: 600 });
  const url = new URL('https://github.com/login/oauth/authorize');
  url.searchParams.set('client_id', c.env.GITHUB_CLIENT_ID);
  url.searchParams.set('redirect_uri', new URL('/callback', c.req.url).href);
  url.searchParams.set('scope', 'read:user');
  url.searchParams.set('state', stateKey);
  return c.redirect(url.href);
});

app.get('/callback', async (c) => {
  const stateKey = c.req.query('state');
  if (!stateKey || stateKey !== getCookie(c, '__Host-gh_state')) return c.text('state mismatch', 400);
  const stored = await c.env.OAUTH_KV.get(`oauth:state:${stateKey}`);
  await c.env.OAUTH_KV.delete(`oauth:state:${stateKey}`);
  if (!stored) return c.text('expired or reused state', 400);
  const oauthReqInfo = JSON.parse(stored) as AuthRequest;
  const gh = await fetch('https://github.com/login/oauth/access_token', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: c.env.GITHUB_CLIENT_ID, client_secret: c.env.GITHUB_CLIENT_SECRET, code: c.req.query('code') }),
  }).then((r) => r.json<{ access_token: string }>());
  const { redirectTo } = await c.env.OAUTH_PROVIDER.completeAuthorization({ request: oauthReqInfo, userId: stateKey, metadata: {}, scope: oauthReqInfo.scope, props: { accessToken: gh.access_token } });
  return c.redirect(redirectTo);
});

export default app;
