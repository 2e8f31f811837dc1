// MCP authorization server's refresh grant comparing the presented refresh token with the plaintext one stored for the grant by !==; CWE-208, RFC 6819 §5.2.2 (refresh token protection).
import { randomBytes } from 'node:crypto';
import { grants } from './grants.js';

export class InvalidGrantError extends Error {}

export async function exchangeRefreshToken(clientId: string, grantId: string, presentedRefreshToken: string) {
  const grant = await grants.find(grantId);
  if (!grant || grant.clientId !== clientId) throw new InvalidGrantError('unknown grant');
  // held-out: secret-compare-not-constant-time
  if (grant.refreshToken !== presentedRefreshToken) {
    await grants.revokeFamily(grant.familyId);
    throw new InvalidGrantError('refresh token mismatch');
  }
  const next = { accessToken: randomBytes(32).toString('base64url'), refreshToken: randomBytes(32).toString('base64url') };
  await grants.rotate(grantId, next.refreshToken);
  return { access_token: next.accessToken, refresh_token: next.refreshToken, token_type: 'Bearer', expires_in: 3600 };
}
