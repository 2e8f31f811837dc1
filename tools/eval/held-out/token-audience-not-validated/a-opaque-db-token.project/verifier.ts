// token-audience-not-validated: opaque tokens are looked up and checked for expiry, but the stored resource is never compared with this MCP server — AUTH "MCP servers MUST validate that access tokens were issued specifically for them as the intended audience."
import { createHash } from 'node:crypto';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { findToken } from './tokens.js';

export const dbVerifier: OAuthTokenVerifier = {
  async verifyAccessToken(token) {
    const row = await findToken(createHash('sha256').update(token).digest('hex'));
    // held-out: token-audience-not-validated
    if (!row || row.expires_at.getTime() < Date.now()) throw new InvalidTokenError('unknown or expired token');
    return { token, clientId: row.client_id, scopes: row.scopes, expiresAt: Math.floor(row.expires_at.getTime() / 1000) };
  },
};
