// ESM MCP proxy server that sends users to the upstream provider's authorize endpoint with neither state nor PKCE — best practices (MCP proxy servers): generate a cryptographically secure random `state` and "Reject any callback requests where the state parameter is missing or does not match".
import express from 'express';
import { exchangeUpstreamCode, issueMcpCode } from './grants.js';

const UPSTREAM_AUTHORIZE = 'https://www.dropbox.example/oauth2/authorize';
const CALLBACK = 'https://dropbox-mcp.example.com/upstream/callback';

export const upstream = express.Router();

upstream.get('/upstream/start', (req, res) => {
  req.session.mcpTxn = req.query.txn;
  // held-out: oauth-state-missing
  const params = new URLSearchParams({
    client_id: process.env.DROPBOX_CLIENT_ID,
    redirect_uri: CALLBACK,
    response_type: 'code',
    token_access_type: 'offline',
  });
  res.redirect(`${UPSTREAM_AUTHORIZE}?${params}`);
});

upstream.get('/upstream/callback', async (req, res) => {
  const tokens = await exchangeUpstreamCode(String(req.query.code), CALLBACK);
  const redirect = await issueMcpCode(req.session.mcpTxn, tokens);
  res.redirect(redirect);
});
