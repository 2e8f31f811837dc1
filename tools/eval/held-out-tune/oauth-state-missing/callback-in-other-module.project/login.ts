// Login half of an Express MCP server's Asana connection: random state sent and kept in the session (the callback in callback.ts never checks it); MCP BP state parameter.
import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';

export function startAsanaLogin(req: Request, res: Response) {
  const state = randomBytes(32).toString('hex');
  req.session.asanaState = state;
  const authorize = new URL('https://app.asana.com/-/oauth_authorize');
  authorize.searchParams.set('client_id', process.env.ASANA_CLIENT_ID!);
  authorize.searchParams.set('redirect_uri', process.env.ASANA_REDIRECT_URI!);
  authorize.searchParams.set('response_type', 'code');
  authorize.searchParams.set('state', state);
  res.redirect(authorize.href);
}
