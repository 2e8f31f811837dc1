// MCP proxy server (express) sending the user to GitHub's authorize endpoint with neither state nor a PKCE challenge — MCP 2026-07-28 security best practices, state parameter: generate a cryptographically secure random state and "Reject any callback requests where the state parameter is missing or does not match".
import express from 'express';
import { saveUpstreamToken } from './tokens.js';

const app = express();
const CLIENT_ID = process.env.GITHUB_CLIENT_ID!;
const CLIENT_SECRET = process.env.GITHUB_CLIENT_SECRET!;
const CALLBACK = 'https://gh-mcp.example.com/github/callback';

app.get('/github/login', (req, res) => {
  // held-out: oauth-state-missing
  res.redirect(`https://github.com/login/oauth/authorize?client_id=${CLIENT_ID}&redirect_uri=${encodeURIComponent(CALLBACK)}&scope=repo%20read:org`);
});

app.get('/github/callback', async (req, res) => {
  const response = await fetch('https://github.com/login/oauth/access_token', {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, code: req.query.code, redirect_uri: CALLBACK }),
  });
  const { access_token } = (await response.json()) as { access_token: string };
  await saveUpstreamToken(req.session!.userId, access_token);
  res.send('GitHub connected. You can return to your MCP client.');
});

export default app;
