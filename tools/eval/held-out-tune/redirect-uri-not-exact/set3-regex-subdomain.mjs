// MCP OAuth server validating redirect_uri with a regular expression allowing any subdomain and path — security best practices: "exact string matching (not pattern matching or wildcards)"
import express from 'express';
import { issueCode } from './codes.mjs';

const REDIRECT_PATTERN = /^https:\/\/([a-z0-9-]+\.)*acme\.io\//;
const app = express();

app.get('/authorize', async (req, res) => {
  const { client_id: clientId, redirect_uri: redirectUri, state, code_challenge: challenge } = req.query;
  if (!clientId || !redirectUri) {
    return res.status(400).json({ error: 'invalid_request' });
  }
  // held-out: redirect-uri-not-exact
  if (!REDIRECT_PATTERN.test(redirectUri)) {
    return res.status(400).json({ error: 'invalid_request', error_description: 'redirect_uri must be an acme.io URL' });
  }
  if (!challenge) {
    return res.status(400).json({ error: 'invalid_request', error_description: 'code_challenge required' });
  }
  const code = await issueCode({ clientId, redirectUri, challenge });
  const url = new URL(redirectUri);
  url.searchParams.set('code', code);
  if (state) url.searchParams.set('state', state);
  return res.redirect(url.toString());
});

app.listen(9000);
