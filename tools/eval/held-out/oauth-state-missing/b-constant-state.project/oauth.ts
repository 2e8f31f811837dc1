// Login routes of a Linear MCP server: the authorization request carries a constant state, so the callback's comparison protects nothing — best practices: generate a "cryptographically secure random" state, single use.
import type { Request, Response } from 'express';
import { LINEAR, OAUTH_STATE } from './config.js';
import { storeLinearTokens } from './tokens.js';

export function login(_req: Request, res: Response) {
  const url = new URL(LINEAR.authorizeUrl);
  url.searchParams.set('client_id', process.env.LINEAR_CLIENT_ID!);
  url.searchParams.set('redirect_uri', LINEAR.redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', LINEAR.scopes.join(','));
  // held-out: oauth-state-missing
  url.searchParams.set('state', OAUTH_STATE);
  res.redirect(url.href);
}

export async function callback(req: Request, res: Response) {
  if (req.query.state !== OAUTH_STATE) {
    res.status(400).send('invalid state');
    return;
  }
  const tokenRes = await fetch(LINEAR.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: String(req.query.code),
      redirect_uri: LINEAR.redirectUri,
      client_id: process.env.LINEAR_CLIENT_ID!,
      client_secret: process.env.LINEAR_CLIENT_SECRET!,
    }),
  });
  await storeLinearTokens(req.session!.id, await tokenRes.json());
  res.send('Linear connected');
}
