// Authorization route using the redirect helper in lib/redirect.ts before issuing a code.
import { Router } from 'express';
import { randomBytes } from 'node:crypto';
import { isAllowedRedirect } from '../lib/redirect.js';
import { findClient, saveCode } from '../lib/store.js';

export const authorizeRouter = Router();

authorizeRouter.get('/authorize', async (req, res) => {
  const client = await findClient(String(req.query.client_id));
  const redirectUri = String(req.query.redirect_uri ?? '');
  if (!client || !isAllowedRedirect(redirectUri, client)) {
    return res.status(400).render('error', { message: 'Invalid redirect URI' });
  }
  const code = randomBytes(32).toString('base64url');
  await saveCode(code, { clientId: client.client_id, redirectUri, codeChallenge: String(req.query.code_challenge) });
  res.redirect(`${redirectUri}?code=${code}&state=${encodeURIComponent(String(req.query.state ?? ''))}`);
});
