// MCP OAuth proxy that carries the client's redirect_uri in the upstream state and redirects the code there without checking it against the registration — security considerations, open redirection: "Authorization servers MUST validate exact redirect URIs against pre-registered values"
import { Hono } from 'hono';
import { setCookie, getCookie } from 'hono/cookie';

type Env = { Bindings: { GITHUB_CLIENT_ID: string; GITHUB_CLIENT_SECRET: string; CODES: KVNamespace } };

const app = new Hono<Env>();

app.get('/authorize', async (c) => {
  const clientRedirect = c.req.query('redirect_uri');
  const clientState = c.req.query('state') ?? '';
  if (!clientRedirect) return c.text('redirect_uri required', 400);
  const nonce = crypto.randomUUID();
  setCookie(c, 'gh_nonce', nonce, { httpOnly: true, secure: true, sameSite: 'Lax', maxAge: 600 });
  const upstreamState = btoa(JSON.stringify({ nonce, clientRedirect, clientState }));
  const url = new URL('https://github.com/login/oauth/authorize');
  url.searchParams.set('client_id', c.env.GITHUB_CLIENT_ID);
  url.searchParams.set('redirect_uri', new URL('/callback', c.req.url).toString());
  url.searchParams.set('scope', 'read:user');
  url.searchParams.set('state', upstreamState);
  return c.redirect(url.toString());
});

app.get('/callback', async (c) => {
  const { nonce, clientRedirect, clientState } = JSON.parse(atob(c.req.query('state') ?? ''));
  if (!nonce || nonce !== getCookie(c, 'gh_nonce')) return c.text('state mismatch', 400);
  const tokenRes = await fetch('https://github.com/login/oauth/access_token', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: c.env.GITHUB_CLIENT_ID, client_secret: c.env.GITHUB_CLIENT_SECRET, code: c.req.query('code') }),
  });
  const { access_token } = (await tokenRes.json()) as { access_token: string };
  const ourCode = crypto.randomUUID();
  await c.env.CODES.put(ourCode, access_token, { expirationTtl: 300 });
  // held-out: redirect-uri-not-exact
  const back = new URL(clientRedirect);
  back.searchParams.set('code', ourCode);
  back.searchParams.set('state', clientState);
  return c.redirect(back.toString());
});

export default app;
