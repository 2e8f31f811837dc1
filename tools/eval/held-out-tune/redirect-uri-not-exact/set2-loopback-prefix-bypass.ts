// MCP authorization server that waves through any redirect_uri beginning with "http://localhost" for desktop MCP clients, otherwise requires a registered one — MCP 2026-07-28 security considerations, open redirection (RFC 8252 §7.3 lets only the loopback port vary).
import express from 'express';
import { randomBytes } from 'node:crypto';
import { registeredClients, pendingCodes } from './state.js';

const app = express();

function redirectAllowed(clientId: string, redirectUri: string): boolean {
  // held-out: redirect-uri-not-exact
  if (redirectUri.startsWith('http://localhost') || redirectUri.startsWith('http://127.0.0.1')) return true;
  return registeredClients.get(clientId)?.redirect_uris.includes(redirectUri) ?? false;
}

app.get('/authorize', (req, res) => {
  const clientId = String(req.query.client_id);
  const redirectUri = String(req.query.redirect_uri);
  if (!redirectAllowed(clientId, redirectUri)) return res.status(400).send('redirect_uri not allowed');
  const code = randomBytes(32).toString('base64url');
  pendingCodes.set(code, { clientId, redirectUri, challenge: String(req.query.code_challenge), createdAt: Date.now() });
  const url = new URL(redirectUri);
  url.searchParams.set('code', code);
  url.searchParams.set('state', String(req.query.state ?? ''));
  res.redirect(url.toString());
});

export default app;
