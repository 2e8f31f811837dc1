// held-out: clean — constantTimeEqual hashes both inputs to SHA-256 and compares the digests with timingSafeEqual
// Helper module used by server.ts for secret comparison (CWE-208 defence).
import { createHash, timingSafeEqual } from 'node:crypto';

export function constantTimeEqual(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
