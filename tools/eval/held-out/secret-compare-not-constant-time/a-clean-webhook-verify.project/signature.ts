// held-out: clean — the webhook signature is checked with timingSafeEqual after an equal-length check on the hex digests
// Signature helper for the GitHub webhook receiver in app.ts (timing-safe comparison of webhook signatures).
import { createHmac, timingSafeEqual } from 'node:crypto';

export function validSignature(secret: string, payload: string, header: string | undefined): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const expected = Buffer.from('sha256=' + createHmac('sha256', secret).update(payload).digest('hex'));
  const received = Buffer.from(header);
  return expected.length === received.length && timingSafeEqual(expected, received);
}
