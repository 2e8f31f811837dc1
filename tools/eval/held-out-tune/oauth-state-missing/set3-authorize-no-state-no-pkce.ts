// MCP proxy server redirecting the user to GitHub's authorize endpoint with neither state nor PKCE — security best practices (MUST for proxy servers): generate a cryptographically secure random state and "reject any callback requests where the state parameter is missing or does not match"
import express from 'express';
import { saveUpstreamToken } from './tokens.js';

const app = express();
const CLIENT_ID = process.env.GITHUB_CLIENT_ID!;
const CLIENT_SECRET = process.env.GITHUB_CLIENT_SECRET!;
const CALLBACK_URL = `${process.env.PUBLIC_URL}/oauth/github/callback`;

app.get('/oauth/github/start', (_req, res) => {
  // held-out: oauth-state-missing
  const params = new URLSearchParams({
    client_id: CLIENT_ID,
    redirect_uri: CALLBACK_URL,
    scope: 'repo read:org',
    allow_signup: 'false',
  });
  res.redirect(`https://github.com/login/oauth/authorize?${params.toString()}`);
});

app.get('/oauth/github/callback', async (req, res) => {
  const code = req.query.code as string | undefined;
  if (!code) {
    res.status(400).send('Missing code');
    return;
  }
  const response = await fetch('https://github.com/login/oauth/access_token', {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, code, redirect_uri: CALLBACK_URL }),
  });
  const data = (await response.json()) as { access_token?: string; error?: string };
  if (!data.access_token) {
    res.status(502).send(`GitHub error: ${data.error}`);
    return;
  }
  await saveUpstreamToken(data.access_token);
  res.send('GitHub connected. Return to your MCP client.');
});

app.listen(3000);
