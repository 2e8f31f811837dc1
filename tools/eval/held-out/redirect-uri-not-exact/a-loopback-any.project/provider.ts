// Hand-written /authorize route of a local MCP server's own authorization server; checks redirect URIs with policy.ts before issuing a code.
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { redirectUriAllowed } from './policy.js';
import { registeredClients } from './registry.js';

const codes = new Map<string, { clientId: string; challenge: string; redirectUri: string }>();

export async function authorizeRoute(req: Request, res: Response) {
  const clientId = String(req.query.client_id);
  const redirectUri = String(req.query.redirect_uri);
  const client = registeredClients.get(clientId);
  if (!client || !redirectUriAllowed(client.redirect_uris, redirectUri)) {
    res.status(400).send('invalid redirect_uri');
    return;
  }
  const code = randomUUID();
  codes.set(code, { clientId, challenge: String(req.query.code_challenge), redirectUri });
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  if (req.query.state) target.searchParams.set('state', String(req.query.state));
  res.redirect(target.toString());
}
