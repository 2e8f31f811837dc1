// Login route: issues a random state in a signed cookie and redirects to the upstream identity provider.
import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';

export function login(req: Request, res: Response) {
  const state = randomBytes(32).toString('base64url');
  res.cookie('oauth_state', state, { httpOnly: true, secure: true, sameSite: 'lax', signed: true, maxAge: 10 * 60 * 1000 });
  const url = new URL('https://auth.atlassian.com/authorize');
  url.search = new URLSearchParams({
    audience: 'api.atlassian.com',
    client_id: process.env.ATLASSIAN_CLIENT_ID!,
    scope: 'read:jira-work offline_access',
    redirect_uri: 'https://jira-mcp.example.com/callback',
    response_type: 'code',
    prompt: 'consent',
    state,
  }).toString();
  res.redirect(url.toString());
}
