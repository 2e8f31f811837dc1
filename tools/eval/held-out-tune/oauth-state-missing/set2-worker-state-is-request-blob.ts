// Cloudflare Worker MCP proxy that uses the base64 of the MCP authorization request as the upstream state and trusts whatever comes back — MCP 2026-07-28 security best practices, confused deputy / state: a random, server-side, single-use value bound to the user's session.
import type { AuthRequest, OAuthHelpers } from '@cloudflare/workers-oauth-provider';
import { Hono } from 'hono';

type Bindings = { OAUTH_PROVIDER: OAuthHelpers; GOOGLE_CLIENT_ID: string; GOOGLE_CLIENT_SECRET: string };
const app = new Hono<{ Bindings: Bindings }>();

app.get('/authorize', async (c) => {
  const oauthReqInfo = await c.env.OAUTH_PROVIDER.parseAuthRequest(c.req.raw);
  const upstream = new URL('https://accounts.google.com/o/oauth2/v2/auth');
  upstream.searchParams.set('client_id', c.env.GOOGLE_CLIENT_ID);
  upstream.searchParams.set('redirect_uri', new URL('/callback', c.req.url).href);
  upstream.searchParams.set('response_type', 'code');
  upstream.searchParams.set('scope', 'openid email https://www.googleapis.com/auth/gmail.readonly');
  // held-out: oauth-state-missing
  upstream.searchParams.set('state', btoa(JSON.stringify(oauthReqInfo)));
  return c.redirect(upstream.href);
});

app.get('/callback', async (c) => {
  const oauthReqInfo = JSON.parse(atob(c.req.query('state') ?? '')) as AuthRequest;
  const tokens = await fetch('https://oauth2.googleapis.com/token', {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: c.req.query('code') ?? '',
      client_id: c.env.GOOGLE_CLIENT_ID,
      client_secret: c.env.GOOGLE_CLIENT_SECRET,
      redirect_uri: new URL('/callback', c.req.url).href,
    }),
  }).then((r) => r.json<{ access_token: string; id_token: string }>());
  const { redirectTo } = await c.env.OAUTH_PROVIDER.completeAuthorization({
    request: oauthReqInfo,
    userId: tokens.id_token.split('.')[1],
    metadata: {},
    scope: oauthReqInfo.scope,
    props: { accessToken: tokens.access_token },
  });
  return c.redirect(redirectTo);
});

export default app;
