// Authorization endpoint of an MCP server's own authorization server; relies on redirect-policy.ts.
import express from 'express';
import { randomBytes } from 'node:crypto';
import { matchesRegistered } from './redirect-policy.js';
import { clientsStore, grants } from './store.js';

export const authorize = express.Router();

authorize.get('/authorize', async (req, res) => {
  const q = req.query as Record<string, string | undefined>;
  const client = await clientsStore.getClient(q.client_id ?? '');
  if (!client || !q.redirect_uri || !matchesRegistered(client.redirect_uris, q.redirect_uri)) {
    return res.status(400).json({ error: 'invalid_request', error_description: 'redirect_uri mismatch' });
  }
  const code = randomBytes(32).toString('base64url');
  await grants.save(code, { clientId: client.client_id, redirectUri: q.redirect_uri, challenge: q.code_challenge, resource: q.resource });
  const to = new URL(q.redirect_uri);
  to.searchParams.set('code', code);
  if (q.state) to.searchParams.set('state', q.state);
  res.redirect(302, to.href);
});
