// Token helper: verifies an incoming access token's signature, issuer and expiry — no audience, so tokens minted for other APIs of the tenant pass (AUTH: "MCP servers MUST only accept tokens specifically intended for themselves")
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { config } from '../config.js';

const jwks = createRemoteJWKSet(new URL(config.jwksUri));

export interface VerifiedAccessToken {
  subject: string;
  clientId: string;
  scopes: string[];
  expiresAt?: number;
  raw: JWTPayload;
}

export async function verifyBearer(token: string): Promise<VerifiedAccessToken> {
  // held-out: token-audience-not-validated
  const { payload } = await jwtVerify(token, jwks, { issuer: config.issuer });
  return {
    subject: payload.sub ?? '',
    clientId: String(payload.azp ?? payload.client_id ?? ''),
    scopes: typeof payload.scope === 'string' ? payload.scope.split(' ') : [],
    expiresAt: payload.exp,
    raw: payload,
  };
}
