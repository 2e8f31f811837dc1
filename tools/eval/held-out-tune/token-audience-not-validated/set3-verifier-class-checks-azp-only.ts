// Class-based OAuthTokenVerifier that restricts the calling client (azp) to an allow-list but never checks that aud names this MCP server (AUTH: "MUST validate that access tokens were issued specifically for them as the intended audience, according to RFC 8707 Section 2")
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import { InvalidTokenError, InsufficientScopeError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/types.js';

export interface KeycloakVerifierOptions {
  realmUrl: string;
  allowedClients: string[];
}

export class KeycloakTokenVerifier implements OAuthTokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly options: KeycloakVerifierOptions) {
    this.keys = createRemoteJWKSet(new URL(`${options.realmUrl}/protocol/openid-connect/certs`));
  }

  async verifyAccessToken(token: string): Promise<AuthInfo> {
    let claims;
    try {
      // held-out: token-audience-not-validated
      ({ payload: claims } = await jwtVerify(token, this.keys, { issuer: this.options.realmUrl, typ: 'JWT' }));
    } catch (error) {
      throw new InvalidTokenError(`token verification failed: ${(error as Error).message}`);
    }
    const azp = String(claims.azp ?? '');
    if (!this.options.allowedClients.includes(azp)) {
      throw new InsufficientScopeError(`client ${azp} may not call this server`);
    }
    return {
      token,
      clientId: azp,
      scopes: String(claims.scope ?? '').split(' ').filter(Boolean),
      expiresAt: claims.exp,
    };
  }
}

export const verifier = new KeycloakTokenVerifier({
  realmUrl: process.env.KEYCLOAK_REALM_URL ?? 'https://sso.example.com/realms/tools',
  allowedClients: ['claude-desktop', 'vscode-mcp'],
});
