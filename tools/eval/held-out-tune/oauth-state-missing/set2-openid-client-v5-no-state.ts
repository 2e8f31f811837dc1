// MCP server delegating login to an upstream OIDC provider with openid-client (v5 Client API): authorizationUrl gets no state, nonce or code_challenge — MCP 2026-07-28 security best practices, state parameter; RFC 6749 §10.12.
import express from 'express';
import { Issuer } from 'openid-client';
import { finishMcpAuthorization } from './mcp-authz.js';

const issuer = await Issuer.discover('https://idp.example.org');
const client = new issuer.Client({
  client_id: process.env.OIDC_CLIENT_ID!,
  client_secret: process.env.OIDC_CLIENT_SECRET!,
  redirect_uris: ['https://notes-mcp.example.org/oidc/callback'],
  response_types: ['code'],
});

const app = express();

app.get('/oidc/login', (req, res) => {
  // held-out: oauth-state-missing
  const url = client.authorizationUrl({ scope: 'openid email profile' });
  req.session!.pendingMcpRequest = req.query.request_id as string;
  res.redirect(url);
});

app.get('/oidc/callback', async (req, res) => {
  const params = client.callbackParams(req);
  const tokenSet = await client.callback('https://notes-mcp.example.org/oidc/callback', params);
  await finishMcpAuthorization(req.session!.pendingMcpRequest, tokenSet.claims().sub);
  res.redirect('/done');
});

export default app;
