// Hono authorization endpoint of an MCP server comparing only the origin of the requested redirect_uri with the client's first registered URI — MCP 2026-07-28 security best practices: "exact string matching (not pattern matching or wildcards)".
import { Hono } from 'hono';
import { getClient, issueCode } from './oauth-store.js';

const app = new Hono();

app.get('/oauth/authorize', async (c) => {
  const clientId = c.req.query('client_id') ?? '';
  const redirectUri = c.req.query('redirect_uri') ?? '';
  const client = await getClient(clientId);
  if (!client) return c.json({ error: 'invalid_client' }, 400);

  let sameOrigin = false;
  try {
    // held-out: redirect-uri-not-exact
    sameOrigin = new URL(redirectUri).origin === new URL(client.redirectUris[0]).origin;
  } catch {
    sameOrigin = false;
  }
  if (!sameOrigin) return c.json({ error: 'invalid_request', error_description: 'redirect_uri mismatch' }, 400);

  const code = await issueCode({ clientId, redirectUri, challenge: c.req.query('code_challenge') ?? '' });
  const back = new URL(redirectUri);
  back.searchParams.set('code', code);
  back.searchParams.set('state', c.req.query('state') ?? '');
  return c.redirect(back.toString());
});

export default app;
