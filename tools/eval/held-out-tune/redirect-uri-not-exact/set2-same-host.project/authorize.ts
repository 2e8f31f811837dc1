// Authorize endpoint (express) that accepts a redirect_uri on the same host as one of the client's registered URIs, via sameHost from url-utils.ts — MCP 2026-07-28 security considerations, open redirection.
import express from 'express';
import { randomBytes } from 'node:crypto';
import { sameHost, withParams } from './url-utils.js';
import { registrations, grants } from './db.js';

export const router = express.Router();

router.get('/authorize', async (req, res) => {
  const registration = await registrations.byClientId(String(req.query.client_id));
  const redirectUri = String(req.query.redirect_uri ?? '');
  // held-out: redirect-uri-not-exact
  const ok = registration?.redirect_uris.some((registered: string) => sameHost(registered, redirectUri));
  if (!ok) return res.status(400).send('redirect_uri is not registered for this client');
  const code = randomBytes(32).toString('hex');
  await grants.create({ code, clientId: registration!.client_id, redirectUri, challenge: String(req.query.code_challenge) });
  res.redirect(withParams(redirectUri, { code, state: req.query.state as string | undefined }));
});
