// held-out: clean — redirect_uri must be one of the client's registered URIs, compared as whole strings (Array.prototype.includes)
// Express authorize endpoint of an MCP authorization server; mismatches get an error page, never a redirect (SEC: open redirection; BP: exact string matching).
import express from 'express';
import { randomBytes } from 'node:crypto';
import { clients, codes } from './store.js';

const app = express();

app.get('/authorize', async (req, res) => {
  const clientId = String(req.query.client_id ?? '');
  const redirectUri = String(req.query.redirect_uri ?? '');
  const client = await clients.get(clientId);
  if (!client) return res.status(400).send('Unknown client');
  if (!client.redirect_uris.includes(redirectUri)) {
    return res.status(400).send('The redirect_uri does not match a registered value.');
  }
  const code = randomBytes(32).toString('base64url');
  await codes.put(code, { clientId, redirectUri, challenge: String(req.query.code_challenge) });
  const url = new URL(redirectUri);
  url.searchParams.set('code', code);
  if (typeof req.query.state === 'string') url.searchParams.set('state', req.query.state);
  return res.redirect(url.href);
});

app.listen(3100);
