// Hono authorization endpoint that only checks the redirect URI's hostname against an allow-list, so any path on those hosts receives the code; MCP BP: "exact string matching (not pattern matching or wildcards)".
import { Hono } from 'hono';
import { issueCode } from './codes';

const ALLOWED_REDIRECT_HOSTS = ['claude.ai', 'chatgpt.com', 'localhost', 'vscode.dev'];

export const authorize = new Hono();

authorize.get('/authorize', async (c) => {
  const redirectUri = c.req.query('redirect_uri');
  const clientId = c.req.query('client_id');
  if (!redirectUri || !clientId) return c.json({ error: 'invalid_request' }, 400);

  let parsed: URL;
  try { parsed = new URL(redirectUri); } catch { return c.json({ error: 'invalid_request' }, 400); }
  // held-out: redirect-uri-not-exact
  if (!ALLOWED_REDIRECT_HOSTS.includes(parsed.hostname)) {
    return c.json({ error: 'invalid_request', error_description: 'redirect_uri host not allowed' }, 400);
  }

  const code = await issueCode({ clientId, redirectUri, challenge: c.req.query('code_challenge') ?? '' });
  parsed.searchParams.set('code', code);
  const state = c.req.query('state');
  if (state) parsed.searchParams.set('state', state);
  return c.redirect(parsed.toString());
});
