// held-out: clean — exact match, except that for a registered http loopback IP URI the port may differ (RFC 8252 §7.3); scheme, host, path and query must still be identical
// Redirect URI matcher of an MCP authorization server serving native clients
import { Hono } from 'hono';
import { issueCode } from './codes';
import { lookupClient } from './clients';

const LOOPBACK_IPS = new Set(['127.0.0.1', '[::1]']);

export function redirectMatches(requested: string, registered: string): boolean {
  if (requested === registered) return true;
  let a: URL;
  let b: URL;
  try {
    a = new URL(requested);
    b = new URL(registered);
  } catch {
    return false;
  }
  if (a.protocol !== 'http:' || b.protocol !== 'http:') return false;
  if (!LOOPBACK_IPS.has(b.hostname) || a.hostname !== b.hostname) return false;
  return a.pathname === b.pathname && a.search === b.search && a.hash === '' && b.hash === '';
}

const app = new Hono();

app.get('/authorize', async (c) => {
  const client = await lookupClient(c.req.query('client_id') ?? '');
  const redirectUri = c.req.query('redirect_uri') ?? '';
  if (!client || !client.redirect_uris.some((registered) => redirectMatches(redirectUri, registered))) {
    return c.json({ error: 'invalid_request' }, 400);
  }
  const code = await issueCode(client.client_id, redirectUri, c.req.query('code_challenge') ?? '');
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  const state = c.req.query('state');
  if (state) target.searchParams.set('state', state);
  return c.redirect(target.toString());
});

export default app;
