// redirect-uri-not-exact: the shared redirect check strips trailing slashes and then does a prefix match — SEC "Authorization servers MUST validate exact redirect URIs against pre-registered values"
const trimSlash = (s: string) => s.replace(/\/+$/, '');

export function matchesRegistered(registered: readonly string[], candidate: string): boolean {
  const c = trimSlash(candidate);
  // held-out: redirect-uri-not-exact
  return registered.map(trimSlash).some((r) => c === r || c.startsWith(r + '/') || c.startsWith(r + '?'));
}
