// held-out: clean — findRegisteredRedirect returns a registered URI only when it equals the requested one (loopback port aside, per RFC 8252 §7.3)
// Redirect URI helper of an MCP authorization server, shared by authorize.ts
export function findRegisteredRedirect(requested: string, registered: readonly string[]): string | undefined {
  const exact = registered.find((candidate) => candidate === requested);
  if (exact) return exact;
  return registered.find((candidate) => sameExceptLoopbackPort(requested, candidate));
}

function sameExceptLoopbackPort(requested: string, registered: string): boolean {
  let a: URL;
  let b: URL;
  try {
    a = new URL(requested);
    b = new URL(registered);
  } catch {
    return false;
  }
  const loopback = b.protocol === 'http:' && (b.hostname === '127.0.0.1' || b.hostname === '[::1]');
  if (!loopback) return false;
  a.port = '';
  b.port = '';
  return a.href === b.href;
}
