// held-out: clean — introspection results are accepted only when active and when aud names this MCP server
// Verifier for requireBearerAuth built on RFC 7662; the audience comparison lives in audience.ts (AUTH: token audience validation).
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { assertAudience } from './audience.js';

export function introspectionVerifier(endpoint: string, resource: string): OAuthTokenVerifier {
  return {
    async verifyAccessToken(token) {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${process.env.INTROSPECTION_BASIC}` },
        body: new URLSearchParams({ token }),
      });
      const info = (await res.json()) as { active: boolean; aud?: string | string[]; client_id: string; scope?: string; exp?: number };
      if (!info.active) throw new InvalidTokenError('inactive token');
      assertAudience(info.aud, resource);
      return { token, clientId: info.client_id, scopes: info.scope?.split(' ') ?? [], expiresAt: info.exp, resource: new URL(resource) };
    },
  };
}
