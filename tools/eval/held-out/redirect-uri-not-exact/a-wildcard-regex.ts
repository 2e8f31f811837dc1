// redirect-uri-not-exact: registered redirect URIs may contain "*" and are matched as regular expressions — BP "exact string matching (not pattern matching or wildcards)"; SEC "MUST validate exact redirect URIs against pre-registered values"
import { Hono } from 'hono';
import { getClient } from './clients.js';
import { issueCode } from './codes.js';

function patternToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

const app = new Hono();

app.get('/oauth/authorize', async (c) => {
  const clientId = c.req.query('client_id') ?? '';
  const redirectUri = c.req.query('redirect_uri') ?? '';
  const client = await getClient(clientId);
  if (!client) return c.text('invalid_client', 400);
  // held-out: redirect-uri-not-exact
  if (!client.redirectPatterns.some((p: string) => patternToRegExp(p).test(redirectUri))) {
    return c.text('invalid redirect_uri', 400);
  }
  const code = await issueCode(clientId, redirectUri, c.req.query('code_challenge'));
  const back = new URL(redirectUri);
  back.searchParams.set('code', code);
  back.searchParams.set('state', c.req.query('state') ?? '');
  return c.redirect(back.toString(), 302);
});

export default app;
