// secret-compare-not-constant-time: exchangeRefreshToken matches the presented refresh token against the stored one with !== — OAuth 2.1 §4.3 refresh; secret compared without constant time
import type { OAuthClientInformationFull, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import { InvalidGrantError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { randomBytes } from 'node:crypto';
import { sessions } from './sessions.js';

export async function exchangeRefreshToken(client: OAuthClientInformationFull, refreshToken: string, scopes?: string[]): Promise<OAuthTokens> {
  const sessionId = refreshToken.split('.')[0];
  const record = await sessions.get(sessionId);
  // held-out: secret-compare-not-constant-time
  if (!record || record.clientId !== client.client_id || record.refreshToken !== refreshToken) {
    throw new InvalidGrantError('refresh token invalid');
  }
  const next = `${sessionId}.${randomBytes(32).toString('base64url')}`;
  await sessions.update(sessionId, { refreshToken: next });
  return { access_token: randomBytes(32).toString('base64url'), token_type: 'bearer', refresh_token: next, scope: scopes?.join(' ') };
}
