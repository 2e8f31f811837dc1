// OAuth callback of an MCP server that redirects the browser to the app with the fresh access token in the query — AUTH: tokens MUST NOT be in the URI query string.
import express from 'express';
import { exchangeCode } from './oauth.js';

export const callback = express.Router();

callback.get('/oauth/callback', async (req, res) => {
  if (req.query.state !== req.session.oauthState) return res.status(400).send('state mismatch');
  const tokens = await exchangeCode(String(req.query.code), req.session.codeVerifier);
  const target = new URL(process.env.APP_URL ?? 'http://localhost:5173/connected');
  // held-out: bearer-token-in-query
  target.searchParams.set('access_token', tokens.access_token);
  res.redirect(target.toString());
});
