// held-out: clean — openid-client v6: randomState() and a PKCE verifier kept server-side, authorizationCodeGrant checks expectedState and sends the verifier
// Upstream OIDC login of an MCP proxy server (MCP 2026-07-28 security best practices, state; RFC 9700 §2.1).
import express from 'express';
import * as client from 'openid-client';
import { loginFlows } from './login-flows.js';

const config = await client.discovery(new URL('https://login.partner-idp.com'), process.env.OIDC_CLIENT_ID!, process.env.OIDC_CLIENT_SECRET!);
const REDIRECT = 'https://reports-mcp.example.com/oidc/callback';
const app = express();

app.get('/oidc/start', async (req, res) => {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  await loginFlows.put(req.sessionID, { codeVerifier, state, mcpRequest: req.query.request_id });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT,
    scope: 'openid email',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
  });
  res.redirect(url.href);
});

app.get('/oidc/callback', async (req, res) => {
  const flow = await loginFlows.take(req.sessionID);
  if (!flow) return res.status(400).send('no login in progress');
  const tokens = await client.authorizationCodeGrant(config, new URL(req.originalUrl, 'https://reports-mcp.example.com'), {
    pkceCodeVerifier: flow.codeVerifier,
    expectedState: flow.state,
  });
  res.redirect(`/mcp/authorize/continue?request_id=${flow.mcpRequest}&sub=${tokens.claims()?.sub}`);
});

export default app;
