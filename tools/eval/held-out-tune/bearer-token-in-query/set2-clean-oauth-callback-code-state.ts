// held-out: clean — the callback reads the authorization code and state from the query, as OAuth requires; the tokens it obtains stay server-side
// OAuth client callback of an MCP server that proxies a third-party API (MCP authorization; OAuth 2.1 §4.1.2: code and state are returned in the redirect URI query).
import express from 'express';
import { randomBytes } from 'node:crypto';
import { exchangeAuthorizationCode } from './upstream-oauth.js';
import { saveUpstreamGrant } from './grants.js';

export const callbackRouter = express.Router();

callbackRouter.get('/oauth/callback', async (req, res) => {
  const code = typeof req.query.code === 'string' ? req.query.code : undefined;
  const state = typeof req.query.state === 'string' ? req.query.state : undefined;
  const error = req.query.error;
  if (error) return res.status(400).send(`authorization failed: ${String(error)}`);
  const pending = state ? req.session.pendingAuth?.[state] : undefined;
  if (!code || !pending) return res.status(400).send('unknown or expired state');
  delete req.session.pendingAuth![state!];

  const tokens = await exchangeAuthorizationCode(code, pending.codeVerifier, pending.redirectUri);
  await saveUpstreamGrant(randomBytes(16).toString('hex'), pending.userId, tokens);
  res.redirect(`${pending.returnTo}?connected=1`);
});
