// held-out: clean — the query carries the authorization code and state (RFC 6749 §4.1.2), which belong there; tokens go to the session.
// OAuth callback of an MCP server acting as a client to an upstream provider — AUTH/BP state handling.
import express from 'express';
import { timingSafeEqual } from 'node:crypto';

export const oauth = express.Router();

oauth.get('/oauth/callback', async (req, res) => {
  const code = String(req.query.code ?? '');
  const state = String(req.query.state ?? '');
  const expected = req.session.oauthState ?? '';
  if (!code || state.length !== expected.length || !timingSafeEqual(Buffer.from(state), Buffer.from(expected))) {
    return res.status(400).send('invalid callback');
  }
  delete req.session.oauthState;
  const tokenRes = await fetch('https://oauth2.example.com/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: process.env.REDIRECT_URI!, code_verifier: req.session.codeVerifier! }),
  });
  req.session.upstreamTokens = await tokenRes.json();
  res.redirect('/connected');
});
