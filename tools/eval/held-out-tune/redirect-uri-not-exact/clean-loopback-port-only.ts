// held-out: clean — exact string match, except that for a registered loopback URI only the port may differ (scheme, host, path and query compared), as RFC 8252 §7.3 allows.
// Redirect URI matcher of an MCP authorization server serving native MCP clients; MCP security considerations, RFC 8252 §7.3.
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

function loopbackMatches(registered: string, requested: string): boolean {
  let reg: URL, req: URL;
  try {
    reg = new URL(registered);
    req = new URL(requested);
  } catch {
    return false;
  }
  if (reg.protocol !== 'http:' || !LOOPBACK_HOSTS.has(reg.hostname)) return false;
  return (
    req.protocol === reg.protocol &&
    req.hostname === reg.hostname &&
    req.pathname === reg.pathname &&
    req.search === reg.search &&
    req.username === '' && req.password === '' && req.hash === ''
  );
}

export function redirectUriMatches(registeredUris: readonly string[], requestedUri: string): boolean {
  return registeredUris.some((registered) => registered === requestedUri || loopbackMatches(registered, requestedUri));
}
