// held-out: clean — the query carries only the authorization code and state, which RFC 6749 §4.1.2 puts there; the access token is sent in a header
// OAuth callback of an MCP proxy reading code and state from req.query and calling upstream with an Authorization header
import express from 'express';
import { consumeState } from './state-store.js';

const app = express();

app.get('/oauth/callback', async (req, res) => {
  const { code, state } = req.query as { code?: string; state?: string };
  if (!code || !state) {
    return res.status(400).send('missing code or state');
  }
  const pending = await consumeState(state);
  if (!pending) {
    return res.status(400).send('unknown or expired state');
  }
  const tokenResponse = await fetch('https://oauth2.googleapis.com/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: pending.redirectUri,
      client_id: process.env.GOOGLE_CLIENT_ID!,
      client_secret: process.env.GOOGLE_CLIENT_SECRET!,
      code_verifier: pending.codeVerifier,
    }),
  });
  const tokens = (await tokenResponse.json()) as { access_token: string };
  const profile = await fetch('https://www.googleapis.com/oauth2/v3/userinfo', {
    headers: { Authorization: `Bearer ${tokens.access_token}` },
  });
  res.json(await profile.json());
});

app.listen(3005);
