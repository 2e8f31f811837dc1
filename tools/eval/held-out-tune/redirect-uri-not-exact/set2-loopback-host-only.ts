// Authorization server for MCP desktop clients: for loopback redirect URIs it compares only scheme and hostname with the registered one, ignoring the path (and query) as well as the port — MCP 2026-07-28 security considerations, open redirection (RFC 8252 §7.3: only the port may vary).
import type { Request, Response } from 'express';
import { clients, issueCode } from './oauth-db.js';

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

function matchesRegistration(requested: string, registered: string[]): boolean {
  const req = new URL(requested);
  return registered.some((entry) => {
    const reg = new URL(entry);
    if (LOOPBACK.has(reg.hostname)) {
      // held-out: redirect-uri-not-exact
      return req.protocol === reg.protocol && req.hostname === reg.hostname;
    }
    return entry === requested;
  });
}

export async function authorize(req: Request, res: Response) {
  const client = await clients.get(String(req.query.client_id));
  const redirectUri = String(req.query.redirect_uri ?? '');
  if (!client || !matchesRegistration(redirectUri, client.redirect_uris)) return res.status(400).send('invalid redirect_uri');
  const code = await issueCode(client.client_id, redirectUri, String(req.query.code_challenge));
  res.redirect(`${redirectUri}?code=${code}&state=${encodeURIComponent(String(req.query.state ?? ''))}`);
}
