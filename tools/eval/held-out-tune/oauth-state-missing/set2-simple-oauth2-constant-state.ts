// MCP server using simple-oauth2's AuthorizationCode client for an upstream CRM, with a constant state string — MCP 2026-07-28 security best practices: state must be "cryptographically secure random" and checked on the callback.
import express from 'express';
import { AuthorizationCode } from 'simple-oauth2';
import { upstreamTokens } from './upstream-tokens.js';

const crm = new AuthorizationCode({
  client: { id: process.env.CRM_CLIENT_ID!, secret: process.env.CRM_CLIENT_SECRET! },
  auth: { tokenHost: 'https://login.crm.example.com', authorizePath: '/oauth2/authorize', tokenPath: '/oauth2/token' },
});

const REDIRECT_URI = 'https://crm-mcp.example.com/crm/callback';
const router = express.Router();

router.get('/crm/authorize', (_req, res) => {
  const authorizationUri = crm.authorizeURL({
    redirect_uri: REDIRECT_URI,
    scope: 'contacts.read deals.read',
    // held-out: oauth-state-missing
    state: 'mcp-crm',
  });
  res.redirect(authorizationUri);
});

router.get('/crm/callback', async (req, res) => {
  if (req.query.state !== 'mcp-crm') return res.status(400).send('bad state');
  const accessToken = await crm.getToken({ code: String(req.query.code), redirect_uri: REDIRECT_URI });
  await upstreamTokens.save(req.session!.userId, accessToken.token);
  res.send('connected');
});

export default router;
