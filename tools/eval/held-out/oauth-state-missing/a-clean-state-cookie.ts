// held-out: clean — state is 32 random bytes, kept in a signed httpOnly cookie, compared on the callback and cleared so it is used once
// Express routes of an MCP proxy server's upstream (GitLab) OAuth flow (BP: state parameter; RFC 6749 §10.12).
import express from 'express';
import cookieParser from 'cookie-parser';
import { randomBytes } from 'node:crypto';
import { gitlabTokenExchange } from './gitlab.js';

const app = express();
app.use(cookieParser(process.env.COOKIE_SECRET));

app.get('/gitlab/connect', (_req, res) => {
  const state = randomBytes(32).toString('base64url');
  res.cookie('gl_state', state, { signed: true, httpOnly: true, secure: true, sameSite: 'lax', maxAge: 600_000 });
  const qs = new URLSearchParams({
    client_id: process.env.GITLAB_APP_ID!,
    redirect_uri: 'https://gitlab-mcp.example.com/gitlab/callback',
    response_type: 'code',
    scope: 'read_api',
    state,
  });
  res.redirect(`https://gitlab.com/oauth/authorize?${qs}`);
});

app.get('/gitlab/callback', async (req, res) => {
  const expected: string | undefined = req.signedCookies.gl_state;
  res.clearCookie('gl_state');
  if (!expected || typeof req.query.state !== 'string' || req.query.state !== expected) {
    return res.status(400).send('Invalid or missing state');
  }
  await gitlabTokenExchange(String(req.query.code), req);
  res.send('GitLab connected');
});

app.listen(3000);
