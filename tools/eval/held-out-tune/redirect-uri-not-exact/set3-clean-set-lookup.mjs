// held-out: clean — registered redirect URIs are kept in a Set and the requested one must be a member, string for string
// Authorization endpoint of an MCP server with a static client table
import express from 'express';
import { randomBytes } from 'node:crypto';

const CLIENTS = new Map([
  ['mcp-inspector', new Set(['http://localhost:6274/oauth/callback'])],
  ['claude', new Set(['https://claude.ai/api/mcp/auth_callback'])],
]);
const codes = new Map();
const app = express();

app.get('/authorize', (req, res) => {
  const { client_id: clientId, redirect_uri: redirectUri, state, code_challenge: challenge } = req.query;
  const registeredRedirects = CLIENTS.get(clientId);
  if (!registeredRedirects) {
    return res.status(400).json({ error: 'invalid_client' });
  }
  if (!registeredRedirects.has(redirectUri)) {
    return res.status(400).json({ error: 'invalid_request', error_description: 'unregistered redirect_uri' });
  }
  const code = randomBytes(24).toString('hex');
  codes.set(code, { clientId, redirectUri, challenge, expiresAt: Date.now() + 60_000 });
  const url = new URL(redirectUri);
  url.searchParams.set('code', code);
  if (state) url.searchParams.set('state', state);
  res.redirect(url.href);
});

app.listen(7000);
