// held-out: clean — the server issued these opaque tokens itself (OAuthServerProvider + mcpAuthRouter) and checks the stored resource binding
// verifyAccessToken of an in-house OAuthServerProvider backed by a token table (MCP 2026-07-28 authorization, token handling; RFC 8707 resource).
import { createHash } from 'node:crypto';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import type { Pool } from 'pg';

const OWN_RESOURCE = new URL('https://crm-mcp.example.com/mcp');

export class TokenTableVerifier {
  constructor(private readonly db: Pool) {}

  async verifyAccessToken(token: string): Promise<AuthInfo> {
    const digest = createHash('sha256').update(token).digest('hex');
    const { rows } = await this.db.query(
      'select client_id, scopes, resource, extract(epoch from expires_at)::int as exp from access_tokens where token_sha256 = $1 and revoked_at is null',
      [digest],
    );
    const row = rows[0];
    if (!row || row.exp < Date.now() / 1000) throw new InvalidTokenError('unknown or expired token');
    if (row.resource !== OWN_RESOURCE.href) throw new InvalidTokenError('token bound to a different resource');
    return { token, clientId: row.client_id, scopes: row.scopes, expiresAt: row.exp, resource: OWN_RESOURCE };
  }
}
