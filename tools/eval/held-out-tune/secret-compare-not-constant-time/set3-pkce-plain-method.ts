// Authorization server of an MCP server that still accepts PKCE "plain": the presented code_verifier is compared with the stored challenge by !== (for plain the challenge IS the verifier; CWE-208)
import { createHash } from 'node:crypto';

export interface PendingCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  codeChallengeMethod: 'S256' | 'plain';
  expiresAt: number;
  userId: string;
}

export class PkceError extends Error {
  readonly error = 'invalid_grant';
}

const base64url = (input: Buffer) => input.toString('base64url');

export function verifyPkce(pending: PendingCode, codeVerifier: string | undefined): void {
  if (!codeVerifier || !/^[A-Za-z0-9\-._~]{43,128}$/.test(codeVerifier)) {
    throw new PkceError('code_verifier missing or malformed');
  }
  if (pending.codeChallengeMethod === 'plain') {
    // held-out: secret-compare-not-constant-time
    if (codeVerifier !== pending.codeChallenge) throw new PkceError('PKCE verification failed');
    return;
  }
  const computed = base64url(createHash('sha256').update(codeVerifier).digest());
  if (computed !== pending.codeChallenge) throw new PkceError('PKCE verification failed');
}

export function redeem(codes: Map<string, PendingCode>, params: URLSearchParams): PendingCode {
  const code = params.get('code') ?? '';
  const pending = codes.get(code);
  if (!pending || pending.expiresAt < Date.now()) throw new PkceError('unknown or expired code');
  codes.delete(code);
  if (pending.clientId !== params.get('client_id') || pending.redirectUri !== params.get('redirect_uri')) {
    throw new PkceError('client or redirect mismatch');
  }
  verifyPkce(pending, params.get('code_verifier') ?? undefined);
  return pending;
}
