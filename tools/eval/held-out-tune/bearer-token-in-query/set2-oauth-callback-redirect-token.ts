// OAuth callback of an MCP server's web UI that exchanges the code and then redirects the browser to a URL carrying the access token (MCP authorization: "Access tokens MUST NOT be included in the URI query string"; RFC 6750 §5.3).
import express from 'express';
import { exchangeCode } from './oauth.js';

const router = express.Router();
const DASHBOARD_URL = process.env.DASHBOARD_URL ?? 'http://localhost:5173';

router.get('/oauth/callback', async (req, res) => {
  const { code, state } = req.query as { code?: string; state?: string };
  if (!code || !state || state !== req.session.oauthState) {
    return res.status(400).send('invalid callback');
  }
  delete req.session.oauthState;
  const tokens = await exchangeCode(code, req.session.codeVerifier!);
  const target = new URL('/connected', DASHBOARD_URL);
  // held-out: bearer-token-in-query
  target.searchParams.set('token', tokens.access_token);
  res.redirect(target.toString());
});

export default router;
