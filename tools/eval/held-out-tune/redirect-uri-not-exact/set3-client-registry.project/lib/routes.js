// Registration and authorization routes of the MCP authorization server, using ClientRegistry from client-registry.js
import express from 'express';
import { ClientRegistry } from './client-registry.js';
import { codeFor } from './codes.js';
import { storage } from './storage.js';

const registry = new ClientRegistry(storage);
export const oauthRoutes = express.Router();

oauthRoutes.post('/register', express.json(), async (req, res) => {
  if (!Array.isArray(req.body.redirect_uris) || req.body.redirect_uris.length === 0) {
    return res.status(400).json({ error: 'invalid_redirect_uri' });
  }
  res.status(201).json(await registry.register(req.body));
});

oauthRoutes.get('/authorize', async (req, res) => {
  const { client_id, redirect_uri, state, code_challenge } = req.query;
  if (!(await registry.matchesRedirect(client_id, redirect_uri))) {
    return res.status(400).json({ error: 'invalid_request', error_description: 'redirect_uri does not match' });
  }
  const code = await codeFor({ client_id, redirect_uri, code_challenge });
  const target = new URL(redirect_uri);
  target.searchParams.set('code', code);
  if (state) target.searchParams.set('state', state);
  res.redirect(target.toString());
});
