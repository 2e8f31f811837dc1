// held-out: clean — PKCE S256 only: the SHA-256 challenge computed from the verifier is compared with the stored challenge (a hash, not the secret)
// Authorization-code redemption of an MCP server's authorization server
import { createHash } from 'node:crypto';

export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  expiresAt: number;
  userId: string;
  scopes: string[];
}

export class InvalidGrant extends Error {}

export function challengeFor(codeVerifier: string): string {
  return createHash('sha256').update(codeVerifier).digest('base64url');
}

export function redeemCode(store: Map<string, AuthorizationCode>, form: URLSearchParams): AuthorizationCode {
  const code = form.get('code') ?? '';
  const entry = store.get(code);
  store.delete(code);
  if (!entry || entry.expiresAt < Date.now()) throw new InvalidGrant('unknown or expired code');
  if (entry.clientId !== form.get('client_id')) throw new InvalidGrant('code was issued to another client');
  if (entry.redirectUri !== form.get('redirect_uri')) throw new InvalidGrant('redirect_uri mismatch');
  const verifier = form.get('code_verifier');
  if (!verifier || verifier.length < 43 || verifier.length > 128) throw new InvalidGrant('invalid code_verifier');
  if (challengeFor(verifier) !== entry.codeChallenge) throw new InvalidGrant('PKCE verification failed');
  return entry;
}
