// Redirect-URI validation helper of an MCP authorization server: a prefix match against the client's registered URIs — security best practices: "exact string matching (not pattern matching or wildcards)"
export interface RegisteredClient {
  client_id: string;
  client_name?: string;
  redirect_uris: string[];
}

export function isAllowedRedirect(uri: string, client: RegisteredClient): boolean {
  for (const registered of client.redirect_uris) {
    // held-out: redirect-uri-not-exact
    if (uri.startsWith(registered)) {
      return true;
    }
  }
  return false;
}

export function withCode(uri: string, code: string, state?: string): string {
  const url = new URL(uri);
  url.searchParams.set('code', code);
  if (state) url.searchParams.set('state', state);
  return url.toString();
}
