// /authorize route of the MCP authorization server, validating the requested redirect with isAllowedRedirect from redirect.ts
import express from 'express';
import { randomBytes } from 'node:crypto';
import { isAllowedRedirect, withCode } from './redirect.js';
import { clientsRepo } from './clients-repo.js';
import { codesRepo } from './codes-repo.js';

export const authorizeRouter = express.Router();

authorizeRouter.get('/authorize', async (req, res) => {
  const clientId = String(req.query.client_id ?? '');
  const redirectUri = String(req.query.redirect_uri ?? '');
  const state = typeof req.query.state === 'string' ? req.query.state : undefined;
  const client = await clientsRepo.find(clientId);
  if (!client) {
    res.status(400).json({ error: 'invalid_client' });
    return;
  }
  if (!isAllowedRedirect(redirectUri, client)) {
    res.status(400).json({ error: 'invalid_request', error_description: 'redirect_uri is not registered for this client' });
    return;
  }
  const code = randomBytes(32).toString('base64url');
  await codesRepo.save(code, { clientId, redirectUri, codeChallenge: String(req.query.code_challenge ?? '') });
  res.redirect(withCode(redirectUri, code, state));
});
