// held-out: clean — the PKCE verifier is hashed (S256) and the computed challenge compared with the stored challenge; a digest comparison leaks nothing useful about the verifier.
// Authorization-code redemption of an MCP authorization server; RFC 7636 §4.6, CWE-208.
import { createHash } from 'node:crypto';
import { codes } from './codes.js';

export class InvalidGrant extends Error {}

export async function redeemAuthorizationCode(code: string, clientId: string, redirectUri: string, codeVerifier: string) {
  const entry = await codes.consume(code);
  if (!entry || entry.clientId !== clientId || entry.redirectUri !== redirectUri) throw new InvalidGrant('invalid code');
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(codeVerifier)) throw new InvalidGrant('malformed code_verifier');
  const computedChallenge = createHash('sha256').update(codeVerifier).digest('base64url');
  if (computedChallenge !== entry.codeChallenge) throw new InvalidGrant('PKCE verification failed');
  return { userId: entry.userId, scopes: entry.scopes, resource: entry.resource };
}
