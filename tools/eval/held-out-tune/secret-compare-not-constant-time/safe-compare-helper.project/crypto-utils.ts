// Helper named safeCompare that is a plain string equality, used by server.ts for the API key; CWE-208.
export function safeCompare(a: string | undefined, b: string | undefined): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  // held-out: secret-compare-not-constant-time
  return a === b;
}
