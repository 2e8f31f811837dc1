// held-out: clean — the requested redirect_uri is looked up in the client's Set of registered URIs (exact string membership); a miss shows an error page
// Express authorize handler; never redirects to an unregistered URI (SEC: open redirection; BP: exact string matching).
import type { Request, Response } from 'express';
import { getRegisteredClient } from './registry.js';
import { issueCode } from './codes.js';

export async function authorizeHandler(req: Request, res: Response) {
  const client = getRegisteredClient(String(req.query.client_id));
  const redirectTo = String(req.query.redirect_uri ?? '');
  if (!client || !client.redirectUris.has(redirectTo)) {
    res.status(400).render('oauth-error', { reason: 'redirect_uri is not registered for this client' });
    return;
  }
  const code = await issueCode(client.id, redirectTo, String(req.query.code_challenge));
  const u = new URL(redirectTo);
  u.searchParams.set('code', code);
  u.searchParams.set('state', String(req.query.state ?? ''));
  res.redirect(303, u.toString());
}
