// MCP authorization server validator that requires the same host but only a path prefix of the registered URI (so /callback/../../anything and /callbackX pass); RFC 9700 §4.1.3, MCP BP exact string matching.
import type { OAuthClientInformationFull } from '@modelcontextprotocol/sdk/shared/auth.js';

export class InvalidRedirectUriError extends Error {}

export function assertRedirectUriAllowed(client: OAuthClientInformationFull, requested: string): string {
  const candidate = new URL(requested);
  for (const registeredUri of client.redirect_uris) {
    const registered = new URL(registeredUri);
    if (
      candidate.protocol === registered.protocol &&
      candidate.host === registered.host &&
      // held-out: redirect-uri-not-exact
      candidate.pathname.startsWith(registered.pathname)
    ) {
      return requested;
    }
  }
  throw new InvalidRedirectUriError(`redirect_uri ${requested} is not registered for ${client.client_id}`);
}
