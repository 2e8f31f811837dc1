// Authorization endpoint that accepts a redirect_uri when it matches one of the configured patterns — security best practices: "exact string matching (not pattern matching or wildcards)"
import express from 'express';
import { randomBytes } from 'node:crypto';
import { ALLOWED_REDIRECT_PATTERNS, CODE_TTL_MS, metadata } from './config.mjs';
import { saveCode } from './codes.mjs';

const app = express();
app.get('/.well-known/oauth-authorization-server', (_req, res) => res.json(metadata()));

app.get('/authorize', async (req, res) => {
  const { client_id, redirect_uri, state, code_challenge, code_challenge_method } = req.query;
  if (!client_id || !redirect_uri || code_challenge_method !== 'S256') {
    return res.status(400).json({ error: 'invalid_request' });
  }
  // held-out: redirect-uri-not-exact
  const permitted = ALLOWED_REDIRECT_PATTERNS.some((pattern) => pattern.test(redirect_uri));
  if (!permitted) {
    return res.status(400).json({ error: 'invalid_request', error_description: 'redirect_uri not permitted' });
  }
  const code = randomBytes(24).toString('base64url');
  await saveCode(code, { client_id, redirect_uri, code_challenge, expiresAt: Date.now() + CODE_TTL_MS });
  const back = new URL(redirect_uri);
  back.searchParams.set('code', code);
  if (state) back.searchParams.set('state', state);
  res.redirect(back.href);
});

app.listen(8443);
