// held-out: clean — every === here compares public metadata (token_type, grant_type, auth method, presence/emptiness), never a secret's value
// Token-endpoint request validation of an MCP authorization server; secrets are checked elsewhere with timingSafeEqual (timing-safe comparison applies to secret values only).
import type { OAuthClientInformationFull } from '@modelcontextprotocol/sdk/shared/auth.js';

export interface TokenRequest {
  grant_type: string;
  client_secret?: string;
  refresh_token?: string;
  token_type_hint?: string;
}

export function validateTokenRequest(client: OAuthClientInformationFull, body: TokenRequest): string | null {
  if (body.grant_type !== 'authorization_code' && body.grant_type !== 'refresh_token') return 'unsupported_grant_type';
  if (client.token_endpoint_auth_method === 'none' && body.client_secret !== undefined) return 'invalid_request';
  if (client.token_endpoint_auth_method === 'client_secret_post' && (body.client_secret === undefined || body.client_secret === '')) {
    return 'invalid_client';
  }
  if (body.grant_type === 'refresh_token' && body.refresh_token?.length === 0) return 'invalid_request';
  if (body.token_type_hint && body.token_type_hint !== 'access_token' && body.token_type_hint !== 'refresh_token') return 'unsupported_token_type';
  return null;
}

export function isBearer(tokenType: string | undefined): boolean {
  return tokenType?.toLowerCase() === 'bearer';
}
