// OAuthTokenVerifier for opaque tokens that calls the authorization server's RFC 7662 introspection endpoint and accepts any active token, never reading aud — MCP 2026-07-28 authorization, token handling ("MUST validate that access tokens were issued specifically for them").
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';

interface Introspection {
  active: boolean;
  client_id?: string;
  scope?: string;
  exp?: number;
  sub?: string;
  aud?: string | string[];
}

export class IntrospectionVerifier implements OAuthTokenVerifier {
  constructor(private readonly endpoint: string, private readonly clientId: string, private readonly clientSecret: string) {}

  async verifyAccessToken(token: string): Promise<AuthInfo> {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: 'Basic ' + Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64'),
      },
      body: new URLSearchParams({ token }),
    });
    if (!response.ok) throw new InvalidTokenError(`introspection failed (${response.status})`);
    const info = (await response.json()) as Introspection;
    // held-out: token-audience-not-validated
    if (!info.active) throw new InvalidTokenError('token is not active');
    return { token, clientId: info.client_id ?? 'unknown', scopes: info.scope?.split(' ') ?? [], expiresAt: info.exp, extra: { sub: info.sub } };
  }
}

export const verifier = new IntrospectionVerifier('https://auth.example.com/oauth/introspect', process.env.RS_ID!, process.env.RS_SECRET!);
