// Redirects of an MCP proxy server to Asana: the callback below redeems the code without any state to compare (see upstream-client.ts).
import express from 'express';
import { UpstreamOAuthClient } from './upstream-client.js';
import { saveUpstreamTokens } from './tokens.js';

const asana = new UpstreamOAuthClient({
  authorizeUrl: 'https://app.asana.com/-/oauth_authorize',
  tokenUrl: 'https://app.asana.com/-/oauth_token',
  clientId: process.env.ASANA_CLIENT_ID!,
  clientSecret: process.env.ASANA_CLIENT_SECRET!,
  redirectUri: 'https://asana-mcp.example.com/oauth/callback',
  scopes: ['default'],
});

const app = express();
app.get('/oauth/start', (_req, res) => res.redirect(asana.authorizationUrl()));
app.get('/oauth/callback', async (req, res) => {
  // held-out: oauth-state-missing
  const tokens = await asana.redeem(String(req.query.code));
  await saveUpstreamTokens(req.session!.mcpUser, tokens);
  res.send('Asana connected. You can return to your MCP client.');
});
app.listen(8080);
