// MCP OAuth proxy (Cloudflare Worker, Hono) that packs the MCP client's redirect_uri into the upstream GitHub state unchecked and later sends the issued code there — MCP 2026-07-28 security considerations: "Authorization servers MUST validate exact redirect URIs against pre-registered values".
import { Hono } from 'hono';

type Bindings = { GITHUB_CLIENT_ID: string; GITHUB_CLIENT_SECRET: string; KV: KVNamespace };
const app = new Hono<{ Bindings: Bindings }>();

app.get('/authorize', async (c) => {
  const clientId = c.req.query('client_id');
  // held-out: redirect-uri-not-exact
  const clientRedirect = c.req.query('redirect_uri');
  if (!clientId || !clientRedirect) return c.text('missing client_id or redirect_uri', 400);

  const stateKey = crypto.randomUUID();
  await c.env.KV.put(`flow:${stateKey}`, JSON.stringify({ clientId, clientRedirect, clientState: c.req.query('state'), challenge: c.req.query('code_challenge') }), { expirationTtl: 600 });

  const upstream = new URL('https://github.com/login/oauth/authorize');
  upstream.searchParams.set('client_id', c.env.GITHUB_CLIENT_ID);
  upstream.searchParams.set('redirect_uri', new URL('/callback', c.req.url).href);
  upstream.searchParams.set('scope', 'read:user repo');
  upstream.searchParams.set('state', stateKey);
  return c.redirect(upstream.href);
});

app.get('/callback', async (c) => {
  const flow = await c.env.KV.get<{ clientId: string; clientRedirect: string; clientState?: string }>(`flow:${c.req.query('state')}`, 'json');
  if (!flow) return c.text('unknown flow', 400);
  await c.env.KV.delete(`flow:${c.req.query('state')}`);

  const ghToken = await fetch('https://github.com/login/oauth/access_token', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: c.env.GITHUB_CLIENT_ID, client_secret: c.env.GITHUB_CLIENT_SECRET, code: c.req.query('code') }),
  }).then((r) => r.json<{ access_token: string }>());

  const mcpCode = crypto.randomUUID();
  await c.env.KV.put(`code:${mcpCode}`, JSON.stringify({ clientId: flow.clientId, github: ghToken.access_token }), { expirationTtl: 300 });
  const back = new URL(flow.clientRedirect);
  back.searchParams.set('code', mcpCode);
  if (flow.clientState) back.searchParams.set('state', flow.clientState);
  return c.redirect(back.href);
});

export default app;
