// held-out: clean — workers-oauth-provider's parseAuthRequest/completeAuthorization check the redirect_uri against the client's registration; the handler never redirects to a URI it checked itself
// Consent handler of a Cloudflare Workers MCP server built on @cloudflare/workers-oauth-provider
import type { AuthRequest, OAuthHelpers } from '@cloudflare/workers-oauth-provider';
import { Hono } from 'hono';

type Bindings = { OAUTH_PROVIDER: OAuthHelpers };
const app = new Hono<{ Bindings: Bindings }>();

app.get('/authorize', async (c) => {
  const oauthReqInfo = await c.env.OAUTH_PROVIDER.parseAuthRequest(c.req.raw);
  const client = await c.env.OAUTH_PROVIDER.lookupClient(oauthReqInfo.clientId);
  if (!client) return c.text('Unknown client', 400);
  return c.html(`
    <form method="post" action="/authorize">
      <input type="hidden" name="req" value="${encodeURIComponent(JSON.stringify(oauthReqInfo))}" />
      <p>${client.clientName ?? client.clientId} wants access to your bookmarks.</p>
      <button type="submit">Allow</button>
    </form>`);
});

app.post('/authorize', async (c) => {
  const form = await c.req.formData();
  const oauthReqInfo = JSON.parse(decodeURIComponent(String(form.get('req')))) as AuthRequest;
  const { redirectTo } = await c.env.OAUTH_PROVIDER.completeAuthorization({
    request: oauthReqInfo,
    userId: 'local-user',
    metadata: { label: 'bookmarks' },
    scope: oauthReqInfo.scope,
    props: { userId: 'local-user' },
  });
  return c.redirect(redirectTo);
});

export default app;
