// held-out: clean — the introspection result is accepted only if active AND its `aud` includes this MCP server's resource identifier.
// TypeScript verifier (OAuthTokenVerifier) for an MCP server that validates opaque tokens via RFC 7662.
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';

export class IntrospectionVerifier implements OAuthTokenVerifier {
  constructor(
    private readonly endpoint: string,
    private readonly resource: string,
    private readonly basicAuth: string,
  ) {}

  async verifyAccessToken(token: string): Promise<AuthInfo> {
    const res = await fetch(this.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${this.basicAuth}` },
      body: new URLSearchParams({ token }).toString(),
    });
    if (!res.ok) throw new InvalidTokenError('introspection unavailable');
    const data = (await res.json()) as { active: boolean; aud?: string | string[]; scope?: string; client_id?: string; exp?: number };

    const audiences = data.aud === undefined ? [] : Array.isArray(data.aud) ? data.aud : [data.aud];
    if (!data.active || !audiences.includes(this.resource)) {
      throw new InvalidTokenError('token inactive or issued for another resource');
    }
    return {
      token,
      clientId: data.client_id ?? '',
      scopes: (data.scope ?? '').split(' ').filter(Boolean),
      expiresAt: data.exp,
      resource: new URL(this.resource),
    };
  }
}
