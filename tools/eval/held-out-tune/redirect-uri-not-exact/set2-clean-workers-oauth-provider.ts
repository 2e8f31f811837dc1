// held-out: clean — @cloudflare/workers-oauth-provider parses and validates the authorization request (redirect_uri against the registered client) and builds the redirect itself
// Default handler (consent page) of a Cloudflare Worker MCP server behind workers-oauth-provider (MCP 2026-07-28 security considerations, open redirection).
import type { AuthRequest, OAuthHelpers } from '@cloudflare/workers-oauth-provider';
import { Hono } from 'hono';

const app = new Hono<{ Bindings: { OAUTH_PROVIDER: OAuthHelpers } }>();

app.get('/authorize', async (c) => {
  const oauthReqInfo = await c.env.OAUTH_PROVIDER.parseAuthRequest(c.req.raw);
  const client = await c.env.OAUTH_PROVIDER.lookupClient(oauthReqInfo.clientId);
  if (!client) return c.text('Unknown client', 400);
  return c.html(`<form method="post"><input type="hidden" name="req" value='${btoa(JSON.stringify(oauthReqInfo))}'><p>Allow ${client.clientName ?? client.clientId}?</p><button>Allow</button></form>`);
});

app.post('/authorize', async (c) => {
  const form = await c.req.formData();
  const oauthReqInfo = JSON.parse(atob(String(form.get('req')))) as AuthRequest;
  const { redirectTo } = await c.env.OAUTH_PROVIDER.completeAuthorization({
    request: oauthReqInfo,
    userId: 'demo-user',
    metadata: { label: 'demo' },
    scope: oauthReqInfo.scope,
    props: { userId: 'demo-user' },
  });
  return c.redirect(redirectTo);
});

export default app;
