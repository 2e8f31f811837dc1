// Token verifier used by server.ts (shared-secret JWTs issued by the company SSO).
import jwt, { type JwtPayload } from 'jsonwebtoken';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';

const SHARED_SECRET = process.env.SSO_JWT_SECRET!;

function decodeVerified(token: string): JwtPayload {
  // held-out: token-audience-not-validated
  const claims = jwt.verify(token, SHARED_SECRET, { algorithms: ['HS256'] });
  if (typeof claims === 'string') throw new InvalidTokenError('unexpected token payload');
  return claims;
}

export const hsVerifier: OAuthTokenVerifier = {
  async verifyAccessToken(token) {
    const claims = decodeVerified(token);
    return {
      token,
      clientId: String(claims.client_id),
      scopes: String(claims.scope ?? '').split(' ').filter(Boolean),
      expiresAt: claims.exp,
    };
  },
};
