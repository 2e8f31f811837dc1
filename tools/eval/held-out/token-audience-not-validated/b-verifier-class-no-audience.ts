// TypeScript class implementing the SDK's OAuthTokenVerifier: verifies signature, issuer and expiry but not that the token was issued for this MCP server — spec (authorization): "MCP servers MUST validate that access tokens were issued specifically for them as the intended audience."
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';

export class Auth0TokenVerifier implements OAuthTokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly domain: string) {
    this.keys = createRemoteJWKSet(new URL(`https://${domain}/.well-known/jwks.json`));
  }

  private toAuthInfo(token: string, claims: JWTPayload): AuthInfo {
    return {
      token,
      clientId: String(claims.azp ?? ''),
      scopes: String(claims.scope ?? '').split(' ').filter(Boolean),
      expiresAt: claims.exp,
      extra: { userId: claims.sub },
    };
  }

  async verifyAccessToken(token: string): Promise<AuthInfo> {
    try {
      // held-out: token-audience-not-validated
      const { payload } = await jwtVerify(token, this.keys, { issuer: `https://${this.domain}/`, clockTolerance: 5 });
      return this.toAuthInfo(token, payload);
    } catch {
      throw new InvalidTokenError('invalid or expired token');
    }
  }
}
