// oauth-state-missing: the state value comes from Math.random, which is predictable — BP "generate a cryptographically secure random state value"
import type { Request, Response } from 'express';
import { pendingStates } from './state-store.js';

export function startSlackOAuth(req: Request, res: Response) {
  // held-out: oauth-state-missing
  const state = Math.random().toString(36).substring(2, 15) + Math.random().toString(36).substring(2, 15);
  pendingStates.set(state, { mcpSession: String(req.query.session), createdAt: Date.now() });
  const url = new URL('https://slack.com/oauth/v2/authorize');
  url.searchParams.set('client_id', process.env.SLACK_CLIENT_ID!);
  url.searchParams.set('scope', 'channels:read chat:write');
  url.searchParams.set('redirect_uri', 'https://slack-mcp.example.com/oauth/slack/callback');
  url.searchParams.set('state', state);
  res.redirect(url.toString());
}
