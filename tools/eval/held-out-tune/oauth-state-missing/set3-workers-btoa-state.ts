// Cloudflare Workers MCP server whose upstream state is only the base64 of the MCP client's auth request, with nothing random or stored — security best practices: "generate a cryptographically secure random state" and reject callbacks whose state "does not match"
import type { AuthRequest, OAuthHelpers } from '@cloudflare/workers-oauth-provider';
import { Hono } from 'hono';
import { Octokit } from 'octokit';

type Bindings = Env & { OAUTH_PROVIDER: OAuthHelpers; GITHUB_CLIENT_ID: string; GITHUB_CLIENT_SECRET: string };
const app = new Hono<{ Bindings: Bindings }>();

app.get('/authorize', async (c) => {
  const oauthReqInfo = await c.env.OAUTH_PROVIDER.parseAuthRequest(c.req.raw);
  if (!oauthReqInfo.clientId) return c.text('Invalid request', 400);
  const upstream = new URL('https://github.com/login/oauth/authorize');
  upstream.searchParams.set('client_id', c.env.GITHUB_CLIENT_ID);
  upstream.searchParams.set('redirect_uri', new URL('/callback', c.req.url).href);
  upstream.searchParams.set('scope', 'read:user');
  // held-out: oauth-state-missing
  upstream.searchParams.set('state', btoa(JSON.stringify(oauthReqInfo)));
  return Response.redirect(upstream.href);
});

app.get('/callback', async (c) => {
  const oauthReqInfo = JSON.parse(atob(c.req.query('state') as string)) as AuthRequest;
  if (!oauthReqInfo.clientId) return c.text('Invalid state', 400);
  const resp = await fetch('https://github.com/login/oauth/access_token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      client_id: c.env.GITHUB_CLIENT_ID,
      client_secret: c.env.GITHUB_CLIENT_SECRET,
      code: c.req.query('code') ?? '',
    }).toString(),
  });
  const { access_token: accessToken } = (await resp.json()) as { access_token: string };
  const user = await new Octokit({ auth: accessToken }).rest.users.getAuthenticated();
  const { redirectTo } = await c.env.OAUTH_PROVIDER.completeAuthorization({
    request: oauthReqInfo,
    userId: user.data.login,
    metadata: { label: user.data.name },
    scope: oauthReqInfo.scope,
    props: { login: user.data.login, accessToken },
  });
  return Response.redirect(redirectTo);
});

export default app;
