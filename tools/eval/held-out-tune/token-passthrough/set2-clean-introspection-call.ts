// held-out: clean — the client's token goes only to the authorization server's introspection endpoint, in the body, with the server's own client credentials
// requireBearerAuth verifier that introspects opaque tokens (RFC 7662) before any tool runs (MCP 2026-07-28 authorization, token validation).
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';

const INTROSPECTION_URL = process.env.INTROSPECTION_URL ?? 'https://auth.example.com/oauth2/introspect';
const RESOURCE = 'https://files-mcp.example.com/mcp';

export const introspectingVerifier: OAuthTokenVerifier = {
  async verifyAccessToken(token: string): Promise<AuthInfo> {
    const res = await fetch(INTROSPECTION_URL, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: `Basic ${btoa(`${process.env.RS_CLIENT_ID}:${process.env.RS_CLIENT_SECRET}`)}`,
      },
      body: new URLSearchParams({ token, token_type_hint: 'access_token' }),
    });
    const data = (await res.json()) as { active: boolean; client_id: string; scope?: string; exp?: number; aud?: string | string[] };
    const audiences = Array.isArray(data.aud) ? data.aud : [data.aud];
    if (!data.active || !audiences.includes(RESOURCE)) throw new Error('inactive or foreign token');
    return { token, clientId: data.client_id, scopes: data.scope?.split(' ') ?? [], expiresAt: data.exp, resource: new URL(RESOURCE) };
  },
};
