// Class implementing the SDK's OAuthTokenVerifier: verifies the JWT, then insists on an "mcp:tools" scope — scope is checked, audience is not — MCP 2026-07-28 authorization, token handling ("MUST validate ... intended audience").
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { InsufficientScopeError, InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';

export class KeycloakVerifier implements OAuthTokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly realmUrl: string) {
    this.keys = createRemoteJWKSet(new URL(`${realmUrl}/protocol/openid-connect/certs`));
  }

  async verifyAccessToken(token: string): Promise<AuthInfo> {
    let payload: JWTPayload & { scope?: string; azp?: string };
    try {
      // held-out: token-audience-not-validated
      ({ payload } = await jwtVerify(token, this.keys, { issuer: this.realmUrl, clockTolerance: 30 }));
    } catch (error) {
      throw new InvalidTokenError(`token rejected: ${(error as Error).message}`);
    }
    const scopes = payload.scope?.split(' ') ?? [];
    if (!scopes.includes('mcp:tools')) throw new InsufficientScopeError('mcp:tools required');
    return { token, clientId: payload.azp ?? 'unknown', scopes, expiresAt: payload.exp };
  }
}
