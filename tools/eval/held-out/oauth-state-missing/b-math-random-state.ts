// TypeScript MCP server (Express) starting the upstream OAuth flow with a state made by Math.random — best practices: the proxy MUST "generate a cryptographically secure random state".
import type { Request, Response } from 'express';
import { pendingLogins } from './pending.js';

const AUTHORIZE_URL = 'https://auth.atlassian.example/authorize';

export function beginLogin(req: Request, res: Response) {
  // held-out: oauth-state-missing
  const state = Math.random().toString(36).substring(2) + Math.random().toString(36).substring(2);
  pendingLogins.set(state, { mcpClientId: String(req.query.client_id), createdAt: Date.now() });
  const url = new URL(AUTHORIZE_URL);
  url.search = new URLSearchParams({
    audience: 'api.atlassian.example',
    client_id: process.env.ATLASSIAN_CLIENT_ID!,
    scope: 'read:jira-work offline_access',
    redirect_uri: 'https://jira-mcp.example.com/callback',
    response_type: 'code',
    prompt: 'consent',
    state,
  }).toString();
  res.redirect(url.toString());
}

export async function finishLogin(req: Request, res: Response) {
  const entry = pendingLogins.get(String(req.query.state));
  if (!entry) {
    res.status(400).send('state mismatch');
    return;
  }
  pendingLogins.delete(String(req.query.state));
  res.send(`linked for ${entry.mcpClientId}`);
}
