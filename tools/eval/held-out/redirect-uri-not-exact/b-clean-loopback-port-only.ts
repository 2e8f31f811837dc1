// held-out: clean — exact match against registered URIs, except that for loopback IP redirects the port may differ (RFC 8252 §7.3); scheme, host, path and query must still be identical.
// TypeScript redirect validator of an MCP authorization server serving native/CLI MCP clients.
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

function isLoopback(u: URL): boolean {
  return u.protocol === 'http:' && LOOPBACK_HOSTS.has(u.hostname);
}

function sameExceptPort(a: URL, b: URL): boolean {
  return a.protocol === b.protocol && a.hostname === b.hostname && a.pathname === b.pathname && a.search === b.search && a.hash === '' && b.hash === '';
}

export function validateRedirectUri(registered: readonly string[], requested: string): boolean {
  if (registered.includes(requested)) return true;
  let req: URL;
  try {
    req = new URL(requested);
  } catch {
    return false;
  }
  if (!isLoopback(req)) return false;
  return registered.some((r) => {
    const reg = new URL(r);
    return isLoopback(reg) && sameExceptPort(reg, req);
  });
}
