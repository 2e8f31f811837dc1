// held-out: clean — the === comparisons here are on public values (grant_type, token_type_hint, client_id, auth method names); the client secret itself is checked with timingSafeEqual.
// TypeScript revocation endpoint (RFC 7009) of an MCP server's authorization server.
import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { clients, revoke } from './store.js';

function secretOk(stored: string, presented: string): boolean {
  const a = Buffer.from(stored);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function revocationHandler(req: Request, res: Response) {
  const { client_id, client_secret, token, token_type_hint } = req.body as Record<string, string | undefined>;
  const client = client_id ? await clients.get(client_id) : undefined;
  if (!client || client.client_id !== client_id) {
    res.status(401).json({ error: 'invalid_client' });
    return;
  }
  if (client.token_endpoint_auth_method === 'client_secret_post' && !secretOk(client.client_secret ?? '', client_secret ?? '')) {
    res.status(401).json({ error: 'invalid_client' });
    return;
  }
  if (!token) {
    res.status(400).json({ error: 'invalid_request' });
    return;
  }
  const kind = token_type_hint === 'refresh_token' ? 'refresh' : 'access';
  await revoke(client.client_id, token, kind);
  res.status(200).end();
}
