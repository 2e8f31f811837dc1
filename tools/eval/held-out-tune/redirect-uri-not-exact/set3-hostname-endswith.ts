// Preview-deployment friendly redirect check: any *.vercel.app host is accepted as redirect_uri — security best practices: "exact string matching (not pattern matching or wildcards)"
import { Hono } from 'hono';
import { signCode } from './codes';

const app = new Hono();

function isTrustedRedirect(redirectUri: string): boolean {
  const url = new URL(redirectUri);
  if (url.protocol !== 'https:') return false;
  // held-out: redirect-uri-not-exact
  return url.hostname === 'app.notes.dev' || url.hostname.endsWith('.vercel.app');
}

app.get('/authorize', async (c) => {
  const redirectUri = c.req.query('redirect_uri');
  const clientId = c.req.query('client_id');
  const state = c.req.query('state');
  if (!redirectUri || !clientId) return c.json({ error: 'invalid_request' }, 400);
  if (!isTrustedRedirect(redirectUri)) {
    return c.json({ error: 'invalid_request', error_description: 'untrusted redirect_uri' }, 400);
  }
  const code = await signCode({ clientId, redirectUri, challenge: c.req.query('code_challenge') ?? '' });
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  if (state) target.searchParams.set('state', state);
  return c.redirect(target.toString());
});

export default app;
