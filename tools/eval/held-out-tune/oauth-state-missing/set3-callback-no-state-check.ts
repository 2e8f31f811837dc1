// MCP proxy that sends a random state but whose callback redeems the code without comparing it — security best practices: "Reject any callback requests where the state parameter is missing or does not match"
import express from 'express';
import session from 'express-session';
import { randomBytes } from 'node:crypto';
import { storeGrant } from './grants.js';

declare module 'express-session' {
  interface SessionData {
    oauthState?: string;
  }
}

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));

app.get('/authorize/upstream', (req, res) => {
  const state = randomBytes(16).toString('hex');
  req.session.oauthState = state;
  const url = new URL('https://login.microsoftonline.com/common/oauth2/v2.0/authorize');
  url.searchParams.set('client_id', process.env.AZURE_CLIENT_ID!);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', process.env.AZURE_REDIRECT_URI!);
  url.searchParams.set('scope', 'offline_access Mail.Read');
  url.searchParams.set('state', state);
  res.redirect(url.toString());
});

app.get('/callback/upstream', async (req, res) => {
  const code = String(req.query.code ?? '');
  // held-out: oauth-state-missing
  const tokenResponse = await fetch('https://login.microsoftonline.com/common/oauth2/v2.0/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: process.env.AZURE_CLIENT_ID!,
      client_secret: process.env.AZURE_CLIENT_SECRET!,
      grant_type: 'authorization_code',
      code,
      redirect_uri: process.env.AZURE_REDIRECT_URI!,
    }),
  });
  const tokens = await tokenResponse.json();
  await storeGrant(req.sessionID, tokens);
  res.redirect('/consent/done');
});

app.listen(3000);
