// held-out: clean — claim helpers: assertAudience rejects a token whose aud does not include the expected resource
// Shared claim checks used by the verifier in verifier.ts
import type { JWTPayload } from 'jose';

export class AudienceMismatchError extends Error {
  constructor(readonly expected: string, readonly actual: string[]) {
    super(`token audience [${actual.join(', ')}] does not include ${expected}`);
  }
}

export function assertAudience(claims: JWTPayload, expected: string): void {
  const actual = claims.aud === undefined ? [] : Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!actual.includes(expected)) throw new AudienceMismatchError(expected, actual);
}

export function scopesOf(claims: JWTPayload): string[] {
  const raw = claims.scope ?? claims.scp;
  if (Array.isArray(raw)) return raw.map(String);
  return typeof raw === 'string' ? raw.split(' ').filter(Boolean) : [];
}
