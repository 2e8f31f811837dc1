// held-out: clean — the upstream state comes from crypto.randomUUID, is looked up on the callback and deleted on first use
// MCP proxy authorization server forwarding users to an upstream IdP (BP: proxy servers MUST use a cryptographically secure, single-use state).
import express from 'express';
import { begin, take } from './pending.js';

export const routes = express.Router();

routes.get('/authorize', (req, res) => {
  const state = begin({ mcpClientId: String(req.query.client_id), mcpRedirectUri: String(req.query.redirect_uri) });
  const up = new URL('https://upstream-idp.example.com/oauth2/authorize');
  up.search = new URLSearchParams({ response_type: 'code', client_id: 'mcp-proxy', redirect_uri: 'https://proxy.example.com/upstream/callback', scope: 'openid profile', state }).toString();
  res.redirect(up.toString());
});

routes.get('/upstream/callback', (req, res) => {
  const entry = take(typeof req.query.state === 'string' ? req.query.state : undefined);
  if (!entry) return res.status(400).send('Unknown, expired or reused state');
  res.render('consent', { client: entry.mcpClientId, code: req.query.code });
});
