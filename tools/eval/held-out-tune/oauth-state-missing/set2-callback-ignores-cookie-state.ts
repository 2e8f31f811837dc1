// Express MCP proxy that sends a random state and stores it in a cookie, but its callback redeems the code without ever comparing the returned state — MCP 2026-07-28 security best practices: "Reject any callback requests where the state parameter is missing or does not match".
import express from 'express';
import cookieParser from 'cookie-parser';
import { randomBytes } from 'node:crypto';
import { linkAtlassianAccount } from './accounts.js';

const app = express();
app.use(cookieParser());

const REDIRECT = 'https://jira-mcp.example.com/atlassian/callback';

app.get('/atlassian/connect', (_req, res) => {
  const state = randomBytes(24).toString('hex');
  res.cookie('atl_state', state, { httpOnly: true, secure: true, sameSite: 'lax', maxAge: 10 * 60 * 1000 });
  const url = new URL('https://auth.atlassian.com/authorize');
  url.search = new URLSearchParams({
    audience: 'api.atlassian.com',
    client_id: process.env.ATLASSIAN_CLIENT_ID!,
    scope: 'read:jira-work offline_access',
    redirect_uri: REDIRECT,
    state,
    response_type: 'code',
    prompt: 'consent',
  }).toString();
  res.redirect(url.href);
});

app.get('/atlassian/callback', async (req, res) => {
  res.clearCookie('atl_state');
  // held-out: oauth-state-missing
  const tokenResponse = await fetch('https://auth.atlassian.com/oauth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'authorization_code',
      client_id: process.env.ATLASSIAN_CLIENT_ID,
      client_secret: process.env.ATLASSIAN_CLIENT_SECRET,
      code: req.query.code,
      redirect_uri: REDIRECT,
    }),
  });
  await linkAtlassianAccount(req.session!.userId, await tokenResponse.json());
  res.send('Jira connected');
});

export default app;
