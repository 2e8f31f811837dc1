// held-out: clean — the audience passed to jwtVerify comes from config.ts (the server's own resource URI)
// Token verifier class used by server.ts; audience and issuer are both enforced (AUTH: token audience validation).
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { settings } from './config.js';

export class JwtAccessTokenVerifier {
  private readonly jwks = createRemoteJWKSet(new URL(settings.jwksUri));

  async verifyAccessToken(token: string): Promise<AuthInfo> {
    const verifyOptions = { issuer: settings.issuer, audience: settings.resourceUri };
    const { payload } = await jwtVerify(token, this.jwks, verifyOptions);
    return { token, clientId: String(payload.client_id), scopes: String(payload.scope).split(' '), expiresAt: payload.exp };
  }
}
