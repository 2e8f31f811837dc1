// held-out: clean — state comes from crypto.randomBytes, is bound to the browser session, required on the callback, compared, and deleted on first use.
// ESM Express routes of an MCP proxy server that signs users in at Asana before issuing its own MCP authorization code.
import { randomBytes } from 'node:crypto';
import express from 'express';

const pending = new Map();
export const asanaAuth = express.Router();

asanaAuth.get('/asana/login', (req, res) => {
  const state = randomBytes(32).toString('base64url');
  pending.set(state, { sessionId: req.sessionID, mcpRequest: req.query.request_id, expires: Date.now() + 5 * 60_000 });
  const u = new URL('https://app.asana.example/-/oauth_authorize');
  u.searchParams.set('client_id', process.env.ASANA_CLIENT_ID);
  u.searchParams.set('redirect_uri', 'https://asana-mcp.example.com/asana/callback');
  u.searchParams.set('response_type', 'code');
  u.searchParams.set('state', state);
  res.redirect(u.toString());
});

asanaAuth.get('/asana/callback', async (req, res) => {
  const state = typeof req.query.state === 'string' ? req.query.state : '';
  const entry = state ? pending.get(state) : undefined;
  pending.delete(state);
  if (!entry || entry.sessionId !== req.sessionID || entry.expires < Date.now()) {
    res.status(400).send('Invalid or expired state');
    return;
  }
  res.redirect(`/mcp/consent/${encodeURIComponent(entry.mcpRequest)}?code=${encodeURIComponent(String(req.query.code))}`);
});
