// held-out: clean — state comes from crypto.randomBytes, is kept in the session, compared with the returned value and removed before the code is redeemed
// MCP proxy's upstream login with a session-bound, single-use state
import express from 'express';
import session from 'express-session';
import { randomBytes } from 'node:crypto';
import { storeUpstreamTokens } from './tokens.js';

declare module 'express-session' {
  interface SessionData {
    upstreamState?: string;
  }
}

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false, cookie: { secure: true } }));

app.get('/upstream/login', (req, res) => {
  const state = randomBytes(32).toString('base64url');
  req.session.upstreamState = state;
  const url = new URL('https://github.com/login/oauth/authorize');
  url.searchParams.set('client_id', process.env.GITHUB_CLIENT_ID!);
  url.searchParams.set('redirect_uri', `${process.env.PUBLIC_URL}/upstream/callback`);
  url.searchParams.set('scope', 'read:user');
  url.searchParams.set('state', state);
  res.redirect(url.toString());
});

app.get('/upstream/callback', async (req, res) => {
  const expected = req.session.upstreamState;
  delete req.session.upstreamState;
  const returned = typeof req.query.state === 'string' ? req.query.state : undefined;
  if (!expected || !returned || returned !== expected) {
    res.status(400).send('state mismatch');
    return;
  }
  const response = await fetch('https://github.com/login/oauth/access_token', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({
      client_id: process.env.GITHUB_CLIENT_ID,
      client_secret: process.env.GITHUB_CLIENT_SECRET,
      code: req.query.code,
    }),
  });
  await storeUpstreamTokens(req.sessionID, await response.json());
  res.send('connected');
});

app.listen(3000);
