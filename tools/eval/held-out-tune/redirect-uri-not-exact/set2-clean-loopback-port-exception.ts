// held-out: clean — exact match, except that for a registered loopback IP literal the port may differ (scheme, host, path and query still compared)
// Redirect URI matcher of an MCP authorization server serving native MCP clients (RFC 8252 §7.3, RFC 9700 §4.1.3; MCP 2026-07-28 security considerations).
import type { Request, Response } from 'express';
import { loadClient, newCode } from './clients.js';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]']);

export function redirectUriMatches(requested: string, registered: string): boolean {
  if (requested === registered) return true;
  let req: URL;
  let reg: URL;
  try {
    req = new URL(requested);
    reg = new URL(registered);
  } catch {
    return false;
  }
  if (reg.protocol !== 'http:' || !LOOPBACK_HOSTS.has(reg.hostname)) return false;
  return (
    req.protocol === reg.protocol &&
    req.hostname === reg.hostname &&
    req.pathname === reg.pathname &&
    req.search === reg.search &&
    req.username === '' &&
    req.password === '' &&
    req.hash === ''
  );
}

export async function authorize(req: Request, res: Response) {
  const client = await loadClient(String(req.query.client_id));
  const redirectUri = String(req.query.redirect_uri ?? '');
  if (!client || !client.redirect_uris.some((registered) => redirectUriMatches(redirectUri, registered))) {
    return res.status(400).send('invalid redirect_uri');
  }
  const code = await newCode(client.client_id, redirectUri, String(req.query.code_challenge));
  const url = new URL(redirectUri);
  url.searchParams.set('code', code);
  url.searchParams.set('state', String(req.query.state ?? ''));
  res.redirect(url.href);
}
