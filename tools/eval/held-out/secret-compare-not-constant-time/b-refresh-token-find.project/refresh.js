// Refresh-token grant handler (ESM) of the same authorization server: looks the grant up through GrantStore.findByRefreshToken and rotates it.
import { randomBytes } from 'node:crypto';
import { GrantStore } from './store.js';

export const grants = new GrantStore();

export function refreshGrant(clientId, refreshToken) {
  const grant = grants.findByRefreshToken(refreshToken);
  if (!grant || grant.clientId !== clientId) {
    return { error: 'invalid_grant' };
  }
  grant.revoked = true;
  const next = {
    clientId,
    familyId: grant.familyId,
    refreshToken: randomBytes(32).toString('base64url'),
    accessToken: randomBytes(32).toString('base64url'),
    expiresAt: Date.now() + 3600_000,
  };
  grants.add(next);
  return { access_token: next.accessToken, refresh_token: next.refreshToken, token_type: 'Bearer', expires_in: 3600 };
}
