// OAuth states kept in a module-level Map that are checked but never removed, so each stays valid and replayable — security best practices: state must be validated and single use ("deleted after use")
import express from 'express';
import { randomUUID } from 'node:crypto';
import { exchangeWithAtlassian } from './atlassian.js';

const pendingStates = new Map<string, { createdAt: number; mcpSession: string }>();
const app = express();

app.get('/oauth/atlassian', (req, res) => {
  const state = randomUUID();
  pendingStates.set(state, { createdAt: Date.now(), mcpSession: String(req.query.session ?? '') });
  const authorize = new URL('https://auth.atlassian.com/authorize');
  authorize.searchParams.set('audience', 'api.atlassian.com');
  authorize.searchParams.set('client_id', process.env.ATLASSIAN_CLIENT_ID!);
  authorize.searchParams.set('scope', 'read:jira-work offline_access');
  authorize.searchParams.set('redirect_uri', process.env.ATLASSIAN_REDIRECT_URI!);
  authorize.searchParams.set('state', state);
  authorize.searchParams.set('response_type', 'code');
  authorize.searchParams.set('prompt', 'consent');
  res.redirect(authorize.toString());
});

app.get('/oauth/atlassian/callback', async (req, res) => {
  const state = String(req.query.state ?? '');
  // held-out: oauth-state-missing
  const pending = pendingStates.get(state);
  if (!pending) {
    res.status(400).send('Unknown state');
    return;
  }
  const tokens = await exchangeWithAtlassian(String(req.query.code ?? ''));
  res.locals.session = pending.mcpSession;
  res.json({ connected: true, expires_in: tokens.expires_in });
});

app.listen(4000);
