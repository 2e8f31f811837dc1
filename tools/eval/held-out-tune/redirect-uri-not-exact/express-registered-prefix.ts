// Express authorization endpoint of an MCP server accepting any redirect_uri that begins with a registered one; MCP security considerations: "Authorization servers MUST validate exact redirect URIs against pre-registered values".
import express from 'express';
import { randomBytes } from 'node:crypto';
import { getRegisteredClient, saveAuthorizationCode } from './oauth-store.js';

export const authorizeRoute = express.Router();

authorizeRoute.get('/oauth/authorize', async (req, res) => {
  const clientId = String(req.query.client_id ?? '');
  const requestedRedirect = String(req.query.redirect_uri ?? '');
  const client = await getRegisteredClient(clientId);
  if (!client) return res.status(400).json({ error: 'invalid_client' });

  // Clients register a base callback; allow sub-paths so apps can route per tenant.
  // held-out: redirect-uri-not-exact
  const allowed = client.redirectUris.find((base: string) => requestedRedirect.startsWith(base));
  if (!allowed) return res.status(400).json({ error: 'invalid_request', error_description: 'redirect_uri not registered' });

  const code = randomBytes(32).toString('base64url');
  await saveAuthorizationCode(code, { clientId, redirectUri: requestedRedirect, codeChallenge: String(req.query.code_challenge), userId: req.user!.id });
  const back = new URL(requestedRedirect);
  back.searchParams.set('code', code);
  if (req.query.state) back.searchParams.set('state', String(req.query.state));
  res.redirect(back.href);
});
