// GitHub-backed MCP server starting the authorization-code flow with neither state nor PKCE; MCP BP "state parameter" / RFC 6749 §10.12, RFC 9700 §2.1.
import express from 'express';
import { handleGithubCallback } from './github-callback.js';

const router = express.Router();

const GITHUB_CLIENT_ID = process.env.GITHUB_CLIENT_ID ?? '';
const PUBLIC_URL = process.env.PUBLIC_URL ?? 'http://localhost:3000';

router.get('/auth/github', (_req, res) => {
  // held-out: oauth-state-missing
  const query = new URLSearchParams({
    client_id: GITHUB_CLIENT_ID,
    redirect_uri: `${PUBLIC_URL}/auth/github/callback`,
    scope: 'read:user repo',
    allow_signup: 'false',
  });
  res.redirect(`https://github.com/login/oauth/authorize?${query.toString()}`);
});

router.get('/auth/github/callback', handleGithubCallback);

export default router;
