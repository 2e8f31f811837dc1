// Token verifier that introspects opaque tokens (RFC 7662) and accepts any active one without looking at aud — AUTH: "MUST only accept tokens specifically intended for themselves".
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';

interface Introspection {
  active: boolean;
  client_id?: string;
  scope?: string;
  exp?: number;
  aud?: string | string[];
}

export async function verifyAccessToken(token: string): Promise<AuthInfo> {
  const response = await fetch('https://keycloak.example.com/realms/mcp/protocol/openid-connect/token/introspect', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, client_id: process.env.KC_CLIENT_ID!, client_secret: process.env.KC_CLIENT_SECRET! }),
  });
  const data = (await response.json()) as Introspection;
  // held-out: token-audience-not-validated
  if (!data.active) throw new InvalidTokenError('token is not active');
  return { token, clientId: data.client_id ?? 'unknown', scopes: data.scope?.split(' ') ?? [], expiresAt: data.exp };
}
