// MCP authorization server letting any "localhost" redirect through for native clients with a prefix test, which also admits http://localhost.evil.example and any path; RFC 8252 §7.3 allows only the port to vary, MCP security considerations.
import express from 'express';
import { clientStore } from './client-store.js';
import { renderConsent } from './consent.js';

const app = express();

function isAllowedRedirect(client: { redirect_uris: string[] }, redirectUri: string): boolean {
  // Native MCP clients pick a random port, so any localhost URL is fine.
  // held-out: redirect-uri-not-exact
  if (redirectUri.startsWith('http://localhost') || redirectUri.startsWith('http://127.0.0.1')) return true;
  return client.redirect_uris.includes(redirectUri);
}

app.get('/authorize', async (req, res) => {
  const client = await clientStore.getClient(String(req.query.client_id));
  const redirectUri = String(req.query.redirect_uri);
  if (!client || !isAllowedRedirect(client, redirectUri)) {
    return res.status(400).send('Invalid client or redirect URI');
  }
  res.send(renderConsent(client, req.query));
});

export default app;
