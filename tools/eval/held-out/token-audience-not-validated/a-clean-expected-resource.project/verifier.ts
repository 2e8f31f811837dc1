// Opaque-token verifier: reports the resource each token was issued for; the comparison is done by requireBearerAuth's expectedResource in server.ts.
import { createHash } from 'node:crypto';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { tokens } from './db.js';

export const opaqueVerifier: OAuthTokenVerifier = {
  async verifyAccessToken(token) {
    const row = await tokens.byHash(createHash('sha256').update(token).digest('hex'));
    if (!row || row.expiresAt < Date.now() / 1000) throw new InvalidTokenError('unknown or expired');
    return { token, clientId: row.clientId, scopes: row.scopes, expiresAt: row.expiresAt, resource: new URL(row.resource) };
  },
};
