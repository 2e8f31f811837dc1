// oauth-state-missing: an MCP proxy server sends users to GitHub's authorize endpoint with neither state nor PKCE, and its callback checks no state — BP "MCP proxy servers ... MUST generate a cryptographically secure random state"; RFC 6749 §10.12 CSRF
import express from 'express';
import { exchangeGithubCode } from './github-oauth.js';

const app = express();
const GITHUB_CLIENT_ID = process.env.GITHUB_CLIENT_ID!;
const CALLBACK = 'https://gh-mcp.example.com/oauth/github/callback';

app.get('/oauth/github/start', (_req, res) => {
  // held-out: oauth-state-missing
  const params = new URLSearchParams({ client_id: GITHUB_CLIENT_ID, redirect_uri: CALLBACK, scope: 'repo read:org' });
  res.redirect(`https://github.com/login/oauth/authorize?${params}`);
});

app.get('/oauth/github/callback', async (req, res) => {
  // held-out: oauth-state-missing
  const tokens = await exchangeGithubCode(String(req.query.code));
  req.session!.githubToken = tokens.access_token;
  res.redirect('/connected');
});

app.listen(3000);
