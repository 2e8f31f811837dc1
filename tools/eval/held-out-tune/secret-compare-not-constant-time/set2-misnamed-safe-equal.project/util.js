// Utility module whose safeEqual() is a plain === despite its name; server.js relies on it for the API token (CWE-208).
export function safeEqual(a, b) {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  // held-out: secret-compare-not-constant-time
  return a === b;
}

export function parseBearer(header) {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return match ? match[1] : undefined;
}
