// oauth-state-missing: state is generated and stored at login, but the callback never compares the returned state with it — BP "Reject any callback requests where the state parameter is missing or does not match"
import express from 'express';
import session from 'express-session';
import { randomBytes } from 'node:crypto';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));

const AUTHZ = 'https://accounts.example.com/oauth2/authorize';
const TOKEN = 'https://accounts.example.com/oauth2/token';

app.get('/login/upstream', (req, res) => {
  const state = randomBytes(16).toString('hex');
  req.session.oauthState = state;
  const u = new URL(AUTHZ);
  u.search = new URLSearchParams({ response_type: 'code', client_id: process.env.UP_CLIENT_ID!, redirect_uri: 'https://mcp.example.com/cb', state }).toString();
  res.redirect(u.toString());
});

app.get('/cb', async (req, res) => {
  // held-out: oauth-state-missing
  const code = String(req.query.code);
  const tokenRes = await fetch(TOKEN, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: 'https://mcp.example.com/cb', client_id: process.env.UP_CLIENT_ID!, client_secret: process.env.UP_CLIENT_SECRET! }),
  });
  req.session.upstream = await tokenRes.json();
  res.redirect('/done');
});

app.listen(3000);
