// held-out: clean — an MCP client compares the refresh token it sent with the one the server returned only to see whether it was rotated; nothing presented by a remote party is being authenticated
// Client-side token refresh (OAuth 2.1 §4.3.1: refresh token rotation for public clients), no secret verification involved.
import type { OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import { tokenCache } from './token-cache.js';

export async function refreshTokens(tokenUrl: string, clientId: string, current: OAuthTokens): Promise<OAuthTokens> {
  const response = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: current.refresh_token ?? '', client_id: clientId }),
  });
  if (!response.ok) throw new Error(`refresh failed: ${response.status}`);
  const next = (await response.json()) as OAuthTokens;
  const rotated = next.refresh_token !== undefined && next.refresh_token !== current.refresh_token;
  await tokenCache.save({ ...next, refresh_token: rotated ? next.refresh_token : current.refresh_token });
  return next;
}
