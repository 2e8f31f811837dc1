// Authorization endpoint of an MCP authorization server (Express) that delegates the redirect URI check to matchesAny in url-utils.ts; MCP security considerations, open redirection.
import express from 'express';
import { randomBytes } from 'node:crypto';
import { matchesAny, withQuery } from './url-utils.js';
import { clientRegistry, pendingCodes } from './registry.js';

export const authorizeRouter = express.Router();

authorizeRouter.post('/authorize', express.urlencoded({ extended: false }), async (req, res) => {
  const client = await clientRegistry.lookup(req.body.client_id);
  if (!client || !matchesAny(req.body.redirect_uri, client.redirect_uris)) {
    return res.status(400).send('invalid client or redirect_uri');
  }
  const code = randomBytes(32).toString('base64url');
  await pendingCodes.put(code, { clientId: client.client_id, redirectUri: req.body.redirect_uri, challenge: req.body.code_challenge, user: req.user!.id });
  res.redirect(withQuery(req.body.redirect_uri, { code, state: req.body.state }));
});
