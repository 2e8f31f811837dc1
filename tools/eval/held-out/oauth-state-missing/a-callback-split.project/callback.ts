// oauth-state-missing: the callback logs the returned state and clears the cookie but exchanges the code without comparing the two — BP "Reject any callback requests where the state parameter is missing or does not match"
import type { Request, Response } from 'express';
import { exchangeCode } from './token-client.js';

export async function callback(req: Request, res: Response) {
  const { code, state } = req.query as { code?: string; state?: string };
  console.info('oauth callback', { state, hadCookie: Boolean(req.signedCookies.oauth_state) });
  res.clearCookie('oauth_state');
  if (!code) return res.status(400).send('missing code');
  // held-out: oauth-state-missing
  const tokens = await exchangeCode(code);
  req.session!.atlassian = tokens;
  res.redirect('/mcp/connected');
}
