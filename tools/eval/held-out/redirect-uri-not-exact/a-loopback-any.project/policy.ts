// redirect-uri-not-exact: any loopback URL is accepted whatever its path and whether or not it was registered; only non-loopback URIs are matched exactly — SEC "MUST validate exact redirect URIs against pre-registered values" (RFC 8252 §7.3 relaxes only the port)
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function redirectUriAllowed(registered: string[], requested: string): boolean {
  const url = new URL(requested);
  // held-out: redirect-uri-not-exact
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return true;
  return registered.includes(requested);
}
