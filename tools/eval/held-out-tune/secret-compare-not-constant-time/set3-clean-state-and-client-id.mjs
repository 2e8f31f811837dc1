// held-out: clean — only non-secrets are compared with ===: the OAuth state value and the client id (near-miss)
// OAuth callback of an MCP proxy server talking to an upstream provider
import express from 'express';
import session from 'express-session';
import { randomBytes } from 'node:crypto';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false, cookie: { secure: true, httpOnly: true, sameSite: 'lax' } }));

app.get('/upstream/login', (req, res) => {
  req.session.oauthState = randomBytes(24).toString('base64url');
  req.session.expectedClientId = String(req.query.client_id ?? '');
  const url = new URL('https://provider.example.com/oauth/authorize');
  url.search = new URLSearchParams({ response_type: 'code', client_id: process.env.UPSTREAM_CLIENT_ID, redirect_uri: process.env.UPSTREAM_REDIRECT_URI, state: req.session.oauthState }).toString();
  res.redirect(url.href);
});

app.get('/upstream/callback', (req, res) => {
  const { state, code } = req.query;
  const expected = req.session.oauthState;
  delete req.session.oauthState;
  if (!expected || state !== expected) return res.status(400).send('state mismatch');
  if (req.query.client_id && req.query.client_id !== req.session.expectedClientId) return res.status(400).send('client mismatch');
  req.session.pendingCode = String(code);
  res.redirect('/consent');
});

app.listen(3000);
