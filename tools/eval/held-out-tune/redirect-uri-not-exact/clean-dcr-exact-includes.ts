// held-out: clean — registration only checks the kind of URI (https or loopback); the authorization endpoint requires the requested redirect_uri to equal a registered one as a whole string.
// Express MCP authorization server with dynamic client registration (RFC 7591) and an authorization endpoint; MCP security considerations, open redirection.
import express from 'express';
import { randomUUID } from 'node:crypto';

interface RegisteredClient { client_id: string; redirect_uris: string[]; client_name?: string }
const registry = new Map<string, RegisteredClient>();
export const as = express.Router();

function acceptableAtRegistration(uri: string): boolean {
  try {
    const u = new URL(uri);
    if (u.hash) return false;
    return u.protocol === 'https:' || (u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1'));
  } catch {
    return false;
  }
}

as.post('/register', express.json(), (req, res) => {
  const uris: unknown = req.body?.redirect_uris;
  if (!Array.isArray(uris) || uris.length === 0 || !uris.every((u) => typeof u === 'string' && acceptableAtRegistration(u))) {
    return res.status(400).json({ error: 'invalid_redirect_uri' });
  }
  const client: RegisteredClient = { client_id: randomUUID(), redirect_uris: uris, client_name: req.body.client_name };
  registry.set(client.client_id, client);
  res.status(201).json(client);
});

as.get('/authorize', (req, res) => {
  const client = registry.get(String(req.query.client_id));
  const redirectUri = typeof req.query.redirect_uri === 'string' ? req.query.redirect_uri : undefined;
  if (!client || !redirectUri || !client.redirect_uris.includes(redirectUri)) {
    return res.status(400).send('Unknown client or unregistered redirect_uri');
  }
  res.render('consent', { client, redirectUri, state: req.query.state, codeChallenge: req.query.code_challenge });
});
