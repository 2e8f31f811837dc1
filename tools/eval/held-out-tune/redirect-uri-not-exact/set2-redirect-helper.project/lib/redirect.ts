// Redirect URI validation helper of an MCP authorization server: a prefix match against the client's registered URIs — MCP 2026-07-28 security considerations: "MUST validate exact redirect URIs against pre-registered values".
export interface RegisteredClient {
  client_id: string;
  redirect_uris: string[];
}

export function isAllowedRedirect(redirectUri: string, client: RegisteredClient): boolean {
  // held-out: redirect-uri-not-exact
  return client.redirect_uris.some((registered) => redirectUri.startsWith(registered.replace(/\/$/, '')));
}
