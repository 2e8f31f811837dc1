// token-audience-not-validated: introspection result accepted when active, its aud never compared with this server — AUTH "MCP servers MUST validate that access tokens were issued specifically for them as the intended audience."
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';

interface IntrospectionResponse {
  active: boolean;
  client_id?: string;
  scope?: string;
  exp?: number;
  aud?: string | string[];
  sub?: string;
}

export class IntrospectionVerifier implements OAuthTokenVerifier {
  constructor(
    private readonly endpoint: string,
    private readonly clientId: string,
    private readonly clientSecret: string,
  ) {}

  async verifyAccessToken(token: string): Promise<AuthInfo> {
    const res = await fetch(this.endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: 'Basic ' + btoa(`${this.clientId}:${this.clientSecret}`),
      },
      body: new URLSearchParams({ token }).toString(),
    });
    if (!res.ok) throw new InvalidTokenError(`introspection failed (${res.status})`);
    const data = (await res.json()) as IntrospectionResponse;
    // held-out: token-audience-not-validated
    if (!data.active) throw new InvalidTokenError('token is not active');
    return { token, clientId: data.client_id ?? 'unknown', scopes: data.scope?.split(' ') ?? [], expiresAt: data.exp, extra: { sub: data.sub } };
  }
}
