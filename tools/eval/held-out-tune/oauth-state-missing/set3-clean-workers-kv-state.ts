// held-out: clean — the upstream state is a random id whose KV entry holds the MCP auth request; the callback looks it up, deletes it, and refuses unknown states
// Cloudflare Workers MCP server (workers-oauth-provider) proxying to Google with a KV-backed, single-use state
import type { AuthRequest, OAuthHelpers } from '@cloudflare/workers-oauth-provider';
import { Hono } from 'hono';

type Bindings = { OAUTH_PROVIDER: OAuthHelpers; OAUTH_KV: KVNamespace; GOOGLE_CLIENT_ID: string; GOOGLE_CLIENT_SECRET: string };
const app = new Hono<{ Bindings: Bindings }>();

app.get('/authorize', async (c) => {
  const oauthReqInfo = await c.env.OAUTH_PROVIDER.parseAuthRequest(c.req.raw);
  const stateId = crypto.randomUUID();
  await c.env.OAUTH_KV.put(`state:${stateId}`, JSON.stringify(oauthReqInfo), { expirationTtl: 600 });
  const url = new URL('https://accounts.google.com/o/oauth2/v2/auth');
  url.searchParams.set('client_id', c.env.GOOGLE_CLIENT_ID);
  url.searchParams.set('redirect_uri', new URL('/callback', c.req.url).href);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', 'openid email');
  url.searchParams.set('state', stateId);
  return c.redirect(url.href);
});

app.get('/callback', async (c) => {
  const stateId = c.req.query('state');
  const stored = stateId ? await c.env.OAUTH_KV.get(`state:${stateId}`) : null;
  if (!stored) return c.text('Invalid or expired state', 400);
  await c.env.OAUTH_KV.delete(`state:${stateId}`);
  const oauthReqInfo = JSON.parse(stored) as AuthRequest;
  const tokenRes = await fetch('https://oauth2.googleapis.com/token', {
    method: 'POST',
    body: new URLSearchParams({
      code: c.req.query('code') ?? '',
      client_id: c.env.GOOGLE_CLIENT_ID,
      client_secret: c.env.GOOGLE_CLIENT_SECRET,
      redirect_uri: new URL('/callback', c.req.url).href,
      grant_type: 'authorization_code',
    }),
  });
  const tokens = (await tokenRes.json()) as { id_token: string; access_token: string };
  const { redirectTo } = await c.env.OAUTH_PROVIDER.completeAuthorization({
    request: oauthReqInfo,
    userId: tokens.id_token.slice(0, 16),
    metadata: {},
    scope: oauthReqInfo.scope,
    props: { accessToken: tokens.access_token },
  });
  return c.redirect(redirectTo);
});

export default app;
