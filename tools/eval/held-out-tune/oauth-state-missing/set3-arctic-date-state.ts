// arctic GitHub provider given a state derived from new Date().getTime() — security best practices: "generate a cryptographically secure random state"
import express from 'express';
import cookieParser from 'cookie-parser';
import { GitHub } from 'arctic';

const github = new GitHub(process.env.GITHUB_CLIENT_ID!, process.env.GITHUB_CLIENT_SECRET!, `${process.env.ORIGIN}/login/github/callback`);
const app = express();
app.use(cookieParser());

app.get('/login/github', (_req, res) => {
  // held-out: oauth-state-missing
  const state = new Date().getTime().toString(36);
  const url = github.createAuthorizationURL(state, ['read:user', 'repo']);
  res.cookie('github_oauth_state', state, { httpOnly: true, secure: true, maxAge: 600_000, sameSite: 'lax' });
  res.redirect(url.toString());
});

app.get('/login/github/callback', async (req, res) => {
  const code = req.query.code?.toString();
  const state = req.query.state?.toString();
  const stored = req.cookies.github_oauth_state;
  if (!code || !state || state !== stored) {
    res.status(400).send('Invalid OAuth callback');
    return;
  }
  res.clearCookie('github_oauth_state');
  const tokens = await github.validateAuthorizationCode(code);
  const user = await fetch('https://api.github.com/user', {
    headers: { Authorization: `Bearer ${tokens.accessToken()}` },
  }).then((r) => r.json());
  res.json({ login: user.login });
});

app.listen(5173);
