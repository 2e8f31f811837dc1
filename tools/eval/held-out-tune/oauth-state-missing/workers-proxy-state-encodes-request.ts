// Cloudflare Worker MCP proxy (workers-oauth-provider + Hono) that puts the MCP client's request, base64-encoded, in the upstream state instead of a random value bound to the session; MCP BP confused deputy / state parameter (MUST for proxies).
import { Hono } from 'hono';
import type { AuthRequest, OAuthHelpers } from '@cloudflare/workers-oauth-provider';

type Bindings = { OAUTH_PROVIDER: OAuthHelpers; UPSTREAM_CLIENT_ID: string; UPSTREAM_CLIENT_SECRET: string };

const app = new Hono<{ Bindings: Bindings }>();

app.get('/authorize', async (c) => {
  const oauthReqInfo = await c.env.OAUTH_PROVIDER.parseAuthRequest(c.req.raw);
  if (!oauthReqInfo.clientId) return c.text('Invalid request', 400);
  const upstream = new URL('https://github.com/login/oauth/authorize');
  upstream.searchParams.set('client_id', c.env.UPSTREAM_CLIENT_ID);
  upstream.searchParams.set('redirect_uri', new URL('/callback', c.req.url).href);
  upstream.searchParams.set('scope', 'read:user');
  // held-out: oauth-state-missing
  upstream.searchParams.set('state', btoa(JSON.stringify(oauthReqInfo)));
  return c.redirect(upstream.href);
});

app.get('/callback', async (c) => {
  const oauthReqInfo = JSON.parse(atob(c.req.query('state') as string)) as AuthRequest;
  if (!oauthReqInfo.clientId) return c.text('Invalid state', 400);
  const resp = await fetch('https://github.com/login/oauth/access_token', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: c.env.UPSTREAM_CLIENT_ID, client_secret: c.env.UPSTREAM_CLIENT_SECRET, code: c.req.query('code') }),
  });
  const { access_token } = (await resp.json()) as { access_token: string };
  const user = await fetch('https://api.github.com/user', { headers: { authorization: `Bearer ${access_token}`, 'user-agent': 'mcp-proxy' } }).then((r) => r.json() as Promise<{ login: string }>);
  const { redirectTo } = await c.env.OAUTH_PROVIDER.completeAuthorization({
    request: oauthReqInfo,
    userId: user.login,
    metadata: {},
    scope: oauthReqInfo.scope,
    props: { login: user.login, accessToken: access_token },
  });
  return c.redirect(redirectTo);
});

export default app;
