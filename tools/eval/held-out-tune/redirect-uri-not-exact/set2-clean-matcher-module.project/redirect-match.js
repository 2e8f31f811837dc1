// held-out: clean — helper module: exact string match, with the RFC 8252 loopback port exception only
// Redirect URI matcher shared by the authorize and token endpoints of a JavaScript MCP authorization server (RFC 9700 §4.1.3).
export function redirectUriRegistered(candidate, registeredUris) {
  return registeredUris.some((registered) => {
    if (registered === candidate) return true;
    const reg = safeUrl(registered);
    const cand = safeUrl(candidate);
    if (!reg || !cand) return false;
    const loopback = reg.protocol === 'http:' && (reg.hostname === '127.0.0.1' || reg.hostname === '[::1]');
    if (!loopback) return false;
    const withoutPort = (u) => `${u.protocol}//${u.hostname}${u.pathname}${u.search}`;
    return cand.username === '' && cand.password === '' && withoutPort(cand) === withoutPort(reg);
  });
}

function safeUrl(value) {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
