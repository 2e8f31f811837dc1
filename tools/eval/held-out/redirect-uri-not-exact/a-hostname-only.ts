// redirect-uri-not-exact: the redirect URI is accepted when its hostname matches a registered one, whatever its path, scheme or port — SEC "Authorization servers MUST validate exact redirect URIs against pre-registered values"
import type { OAuthClientInformationFull } from '@modelcontextprotocol/sdk/shared/auth.js';

export function isRedirectAllowed(client: OAuthClientInformationFull, requested: string): boolean {
  let requestedHost: string;
  try {
    requestedHost = new URL(requested).hostname;
  } catch {
    return false;
  }
  // held-out: redirect-uri-not-exact
  return client.redirect_uris.some((uri) => new URL(uri).hostname === requestedHost);
}

export function buildCallback(client: OAuthClientInformationFull, requested: string, code: string, state?: string): string {
  if (!isRedirectAllowed(client, requested)) throw new Error('invalid_request: redirect_uri');
  const u = new URL(requested);
  u.searchParams.set('code', code);
  if (state) u.searchParams.set('state', state);
  return u.href;
}
