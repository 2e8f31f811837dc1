// held-out: clean — the authorization request carries no state, but it uses PKCE (S256 challenge, verifier kept server-side and sent with the code exchange), which the rule accepts as the CSRF protection.
// TypeScript CLI MCP client that authorises against an MCP server's authorization server with PKCE.
import { createHash, randomBytes } from 'node:crypto';

export interface PendingAuth {
  verifier: string;
  authorizationUrl: URL;
}

export function buildAuthorizationRequest(metadata: { authorization_endpoint: string }, clientId: string, redirectUri: string, resource: string): PendingAuth {
  const verifier = randomBytes(48).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const authorizationUrl = new URL(metadata.authorization_endpoint);
  authorizationUrl.searchParams.set('response_type', 'code');
  authorizationUrl.searchParams.set('client_id', clientId);
  authorizationUrl.searchParams.set('redirect_uri', redirectUri);
  authorizationUrl.searchParams.set('code_challenge', challenge);
  authorizationUrl.searchParams.set('code_challenge_method', 'S256');
  authorizationUrl.searchParams.set('resource', resource);
  return { verifier, authorizationUrl };
}

export async function redeem(tokenEndpoint: string, clientId: string, redirectUri: string, code: string, pending: PendingAuth, resource: string) {
  const res = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, code_verifier: pending.verifier, resource }),
  });
  if (!res.ok) throw new Error(`token request failed: ${res.status}`);
  return res.json() as Promise<{ access_token: string; refresh_token?: string; expires_in: number }>;
}
