// held-out: clean — shared constant-time comparison: HMAC both values with a per-process key, then timingSafeEqual the equal-length digests
// Helper used by the bearer middleware in middleware.ts
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const comparisonKey = randomBytes(32);

export function safeEqual(presented: string, expected: string): boolean {
  const a = createHmac('sha256', comparisonKey).update(presented).digest();
  const b = createHmac('sha256', comparisonKey).update(expected).digest();
  return timingSafeEqual(a, b);
}
