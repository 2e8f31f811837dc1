// Client registrations allowing wildcard redirect URIs ("https://*.example.com/callback") turned into RegExps at /authorize — security best practices: "exact string matching (not pattern matching or wildcards)"
import express from 'express';
import { randomUUID } from 'node:crypto';
import { getRegisteredClient } from './registry.js';
import { codes } from './codes.js';

function wildcardToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

function redirectAllowed(redirectUri: string, registeredUris: string[]): boolean {
  // held-out: redirect-uri-not-exact
  return registeredUris.some((pattern) => wildcardToRegExp(pattern).test(redirectUri));
}

const app = express();

app.get('/authorize', async (req, res) => {
  const clientId = String(req.query.client_id ?? '');
  const redirectUri = String(req.query.redirect_uri ?? '');
  const client = await getRegisteredClient(clientId);
  if (!client) return res.status(400).json({ error: 'invalid_client' });
  if (!redirectAllowed(redirectUri, client.redirectUris)) {
    return res.status(400).json({ error: 'invalid_request', error_description: 'redirect_uri not allowed' });
  }
  const code = randomUUID();
  codes.set(code, { clientId, redirectUri, challenge: String(req.query.code_challenge ?? ''), issuedAt: Date.now() });
  const url = new URL(redirectUri);
  url.searchParams.set('code', code);
  url.searchParams.set('state', String(req.query.state ?? ''));
  res.redirect(url.toString());
});

app.listen(3300);
