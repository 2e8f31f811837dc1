// Express MCP proxy that keeps issued states in a Map but never removes one after use, so a state (and the flow bound to it) can be replayed; MCP BP: state values are single-use.
import express from 'express';
import { randomBytes } from 'node:crypto';

interface PendingFlow { mcpClientId: string; mcpRedirectUri: string; createdAt: number }

const pendingStates = new Map<string, PendingFlow>();
export const upstreamAuth = express.Router();

upstreamAuth.get('/upstream/authorize', (req, res) => {
  const state = randomBytes(32).toString('hex');
  pendingStates.set(state, { mcpClientId: String(req.query.client_id), mcpRedirectUri: String(req.query.redirect_uri), createdAt: Date.now() });
  const url = new URL('https://app.hubspot-like.example/oauth/authorize');
  url.searchParams.set('client_id', process.env.UPSTREAM_CLIENT_ID!);
  url.searchParams.set('redirect_uri', 'https://mcp.sales.example/upstream/callback');
  url.searchParams.set('scope', 'crm.objects.contacts.read');
  url.searchParams.set('state', state);
  res.redirect(url.href);
});

upstreamAuth.get('/upstream/callback', async (req, res) => {
  const state = String(req.query.state ?? '');
  // held-out: oauth-state-missing
  const flow = pendingStates.get(state);
  if (!flow || Date.now() - flow.createdAt > 10 * 60_000) {
    return res.status(400).json({ error: 'invalid_state' });
  }
  const tokenRes = await fetch('https://api.hubspot-like.example/oauth/v1/token', {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: String(req.query.code),
      client_id: process.env.UPSTREAM_CLIENT_ID!,
      client_secret: process.env.UPSTREAM_CLIENT_SECRET!,
      redirect_uri: 'https://mcp.sales.example/upstream/callback',
    }),
  });
  res.locals.upstream = await tokenRes.json();
  res.redirect(`/finish?client_id=${encodeURIComponent(flow.mcpClientId)}`);
});
