// held-out: clean — openid-client validates the ID token (aud = this client's id) during the upstream login; no access token is accepted here
// Upstream login callback of an MCP proxy server acting as an OIDC client (MCP 2026-07-28 authorization, third-party authorization flow).
import express from 'express';
import * as oidc from 'openid-client';
import { pendingLogins, completeMcpAuthorization } from './flows.js';

const config = await oidc.discovery(new URL('https://accounts.google.com'), process.env.GOOGLE_CLIENT_ID!, process.env.GOOGLE_CLIENT_SECRET!);
const app = express();

app.get('/upstream/callback', async (req, res) => {
  const flow = pendingLogins.take(String(req.query.state ?? ''));
  if (!flow) return res.status(400).send('unknown login');
  const tokens = await oidc.authorizationCodeGrant(config, new URL(req.originalUrl, 'https://gmail-mcp.example.com'), {
    pkceCodeVerifier: flow.verifier,
    expectedState: flow.state,
    expectedNonce: flow.nonce,
  });
  const claims = tokens.claims();
  await completeMcpAuthorization(flow.mcpRequest, { subject: claims!.sub, email: claims!.email as string, upstream: tokens });
  res.redirect(flow.mcpRequest.redirectUri);
});

export default app;
