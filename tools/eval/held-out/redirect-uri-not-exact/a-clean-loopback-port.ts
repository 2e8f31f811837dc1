// held-out: clean — exact match, except that for http loopback redirect URIs the port may differ (RFC 8252 §7.3); scheme, host, path and query must still be equal
// Redirect URI check of an authorization server serving native MCP clients (SEC: open redirection; RFC 8252 loopback redirection).
const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

function isLoopback(u: URL): boolean {
  return u.protocol === 'http:' && LOOPBACK.has(u.hostname);
}

export function redirectUriMatches(registered: string, requested: string): boolean {
  if (registered === requested) return true;
  let reg: URL;
  let req: URL;
  try {
    reg = new URL(registered);
    req = new URL(requested);
  } catch {
    return false;
  }
  if (!isLoopback(reg) || !isLoopback(req)) return false;
  return reg.hostname === req.hostname && reg.pathname === req.pathname && reg.search === req.search && req.hash === '';
}

export function findRegisteredRedirect(registeredUris: string[], requested: string): string | undefined {
  return registeredUris.some((r) => redirectUriMatches(r, requested)) ? requested : undefined;
}
