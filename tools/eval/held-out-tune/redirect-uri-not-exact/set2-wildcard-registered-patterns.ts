// MCP authorization server that lets clients register redirect URIs with "*" wildcards (e.g. https://*.vercel.app/callback) and matches requests against them as patterns — MCP 2026-07-28 security best practices: "exact string matching (not pattern matching or wildcards)".
import type { Request, Response } from 'express';
import { clientStore, createCode } from './db.js';

function patternToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
  return new RegExp(`^${escaped}$`);
}

export async function handleAuthorize(req: Request, res: Response) {
  const params = new URLSearchParams(req.url.split('?')[1] ?? '');
  const client = await clientStore.get(params.get('client_id') ?? '');
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!client) return res.status(400).send('unknown client');

  // held-out: redirect-uri-not-exact
  const matched = client.redirect_uris.find((registered) => patternToRegExp(registered).test(redirectUri));
  if (!matched) return res.status(400).send('redirect_uri does not match a registered pattern');

  const code = await createCode(client.client_id, redirectUri, params.get('code_challenge'));
  const url = new URL(redirectUri);
  url.searchParams.set('code', code);
  url.searchParams.set('state', params.get('state') ?? '');
  res.redirect(url.href);
}
