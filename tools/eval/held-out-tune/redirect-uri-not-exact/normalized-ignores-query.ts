// Authorization endpoint helper that compares redirect URIs after dropping the query string and trailing slash, so extra query parameters (and look-alike paths) pass; RFC 9700 §4.1.3 exact string matching, MCP BP.
import type { Request, Response, NextFunction } from 'express';
import { findClient } from './clients.js';

function normalizeRedirect(uri: string): string {
  const u = new URL(uri);
  return `${u.protocol}//${u.host}${u.pathname}`.replace(/\/+$/, '').toLowerCase();
}

export async function validateAuthorizeRequest(req: Request, res: Response, next: NextFunction) {
  const client = await findClient(String(req.query.client_id));
  if (!client) return res.status(400).json({ error: 'invalid_client' });
  const redirectUri = String(req.query.redirect_uri ?? client.redirect_uris[0]);
  // held-out: redirect-uri-not-exact
  const ok = client.redirect_uris.some((registered) => normalizeRedirect(registered) === normalizeRedirect(redirectUri));
  if (!ok) return res.status(400).json({ error: 'invalid_request', error_description: 'unregistered redirect_uri' });
  res.locals.client = client;
  res.locals.redirectUri = redirectUri;
  next();
}
