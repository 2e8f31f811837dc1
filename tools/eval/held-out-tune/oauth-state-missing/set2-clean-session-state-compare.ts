// held-out: clean — state from crypto.randomBytes, kept in the server-side session, compared on the callback and deleted before the code is redeemed
// Express MCP proxy connecting GitLab for the signed-in user (MCP 2026-07-28 security best practices, state parameter).
import express from 'express';
import session from 'express-session';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { saveGitlabGrant } from './grants.js';

declare module 'express-session' {
  interface SessionData {
    gitlabState?: string;
    userId?: string;
  }
}

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false, cookie: { secure: true, httpOnly: true, sameSite: 'lax' } }));

const CALLBACK = 'https://gitlab-mcp.example.com/gitlab/callback';

app.get('/gitlab/connect', (req, res) => {
  const state = randomBytes(32).toString('base64url');
  req.session.gitlabState = state;
  const url = new URL('https://gitlab.com/oauth/authorize');
  url.searchParams.set('client_id', process.env.GITLAB_APP_ID!);
  url.searchParams.set('redirect_uri', CALLBACK);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', 'read_api');
  url.searchParams.set('state', state);
  res.redirect(url.href);
});

app.get('/gitlab/callback', async (req, res) => {
  const expected = req.session.gitlabState;
  delete req.session.gitlabState;
  const received = String(req.query.state ?? '');
  if (!expected || expected.length !== received.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(received))) {
    return res.status(400).send('Invalid or expired state');
  }
  const tokenRes = await fetch('https://gitlab.com/oauth/token', {
    method: 'POST',
    body: new URLSearchParams({
      client_id: process.env.GITLAB_APP_ID!,
      client_secret: process.env.GITLAB_APP_SECRET!,
      code: String(req.query.code),
      grant_type: 'authorization_code',
      redirect_uri: CALLBACK,
    }),
  });
  await saveGitlabGrant(req.session.userId!, await tokenRes.json());
  res.send('GitLab connected');
});

export default app;
