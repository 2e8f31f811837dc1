// held-out: clean — the routes use state-store.ts: a fresh state per login, consumed and checked (with its PKCE verifier) before the code is redeemed
// Upstream (Microsoft) login routes of a multi-file MCP proxy server (MCP 2026-07-28 security best practices, state parameter).
import { Router } from 'express';
import { createHash, randomBytes } from 'node:crypto';
import { consumeState, issueState } from './state-store.js';
import { saveGraphTokens } from './graph-tokens.js';

const AUTHORITY = `https://login.microsoftonline.com/${process.env.TENANT_ID}/oauth2/v2.0`;
const REDIRECT_URI = 'https://graph-mcp.example.com/ms/callback';
export const router = Router();

router.get('/ms/login', (req, res) => {
  const verifier = randomBytes(32).toString('base64url');
  const state = issueState(req.sessionID, verifier);
  const url = new URL(`${AUTHORITY}/authorize`);
  url.searchParams.set('client_id', process.env.MS_CLIENT_ID!);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', REDIRECT_URI);
  url.searchParams.set('scope', 'offline_access Files.Read');
  url.searchParams.set('code_challenge', createHash('sha256').update(verifier).digest('base64url'));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', state);
  res.redirect(url.href);
});

router.get('/ms/callback', async (req, res) => {
  const flow = consumeState(req.query.state as string | undefined, req.sessionID);
  if (!flow) return res.status(400).send('Invalid state');
  const tokenRes = await fetch(`${AUTHORITY}/token`, {
    method: 'POST',
    body: new URLSearchParams({
      client_id: process.env.MS_CLIENT_ID!,
      grant_type: 'authorization_code',
      code: String(req.query.code),
      redirect_uri: REDIRECT_URI,
      code_verifier: flow.codeVerifier,
    }),
  });
  await saveGraphTokens(req.sessionID, await tokenRes.json());
  res.send('Microsoft account connected');
});
