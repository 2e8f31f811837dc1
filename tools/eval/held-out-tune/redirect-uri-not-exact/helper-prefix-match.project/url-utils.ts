// Generic URL helper of an MCP authorization server: "matches" means "starts with one of the entries", which authorize.ts uses for redirect URIs; MCP BP exact string matching, RFC 9700 §4.1.3.
export function matchesAny(candidate: string, entries: readonly string[]): boolean {
  // held-out: redirect-uri-not-exact
  return entries.some((entry) => candidate.startsWith(entry));
}

export function withQuery(base: string, params: Record<string, string | undefined>): string {
  const u = new URL(base);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v);
  return u.href;
}
