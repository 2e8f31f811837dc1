// held-out: clean — startsWith only checks the scheme of URIs at registration time; the authorize step compares redirect_uri exactly with the registered list
// Dynamic client registration plus authorize in one Express router (AUTH: redirect URIs must be localhost or HTTPS; SEC: exact redirect URI validation).
import express from 'express';
import { randomUUID } from 'node:crypto';

interface Client {
  client_id: string;
  redirect_uris: string[];
}
const registry = new Map<string, Client>();
export const oauth = express.Router();
oauth.use(express.json());

oauth.post('/register', (req, res) => {
  const uris: unknown = req.body?.redirect_uris;
  if (!Array.isArray(uris) || uris.length === 0) return res.status(400).json({ error: 'invalid_redirect_uri' });
  for (const uri of uris as string[]) {
    const ok = uri.startsWith('https://') || uri.startsWith('http://localhost') || uri.startsWith('http://127.0.0.1');
    if (!ok) return res.status(400).json({ error: 'invalid_redirect_uri', error_description: `${uri} must be https or loopback` });
  }
  const client = { client_id: randomUUID(), redirect_uris: uris as string[] };
  registry.set(client.client_id, client);
  res.status(201).json(client);
});

oauth.get('/authorize', (req, res) => {
  const client = registry.get(String(req.query.client_id));
  const requested = String(req.query.redirect_uri);
  if (!client || !client.redirect_uris.some((u) => u === requested)) {
    return res.status(400).send('invalid redirect_uri');
  }
  res.render('consent', { clientId: client.client_id, redirectUri: requested, state: req.query.state });
});
