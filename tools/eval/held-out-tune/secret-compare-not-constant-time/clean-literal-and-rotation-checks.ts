// held-out: clean — comparisons against literals/undefined and a client checking whether its own refresh token was rotated; no attacker-presented secret is compared with an expected one.
// MCP client token manager refreshing upstream tokens; RFC 6749 §6, OAuth 2.1 §4.3.1.
import { readTokens, writeTokens, type StoredTokens } from './token-file.js';

export async function refreshIfNeeded(tokenEndpoint: string, clientId: string): Promise<StoredTokens> {
  const current = await readTokens();
  if (current === undefined || current.refresh_token === undefined || current.refresh_token === '') {
    throw new Error('not signed in');
  }
  if (current.expires_at > Date.now() + 60_000) return current;
  const res = await fetch(tokenEndpoint, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: current.refresh_token, client_id: clientId }),
  });
  const body = await res.json();
  if (body.token_type !== 'Bearer' && body.token_type !== 'bearer') throw new Error(`unexpected token_type ${body.token_type}`);
  const rotated = typeof body.refresh_token === 'string' && body.refresh_token !== current.refresh_token;
  const next: StoredTokens = {
    access_token: body.access_token,
    refresh_token: rotated ? body.refresh_token : current.refresh_token,
    expires_at: Date.now() + body.expires_in * 1000,
  };
  await writeTokens(next);
  return next;
}
