// Signature helper used by the webhook route in routes.ts: compares the computed HMAC with the header value by === (GitHub/Stripe-style webhook verification; CWE-208).
import { createHmac } from 'node:crypto';

export function verifySignature(rawBody: Buffer, signatureHeader: string | undefined, secret: string): boolean {
  if (!signatureHeader) return false;
  const digest = createHmac('sha256', secret).update(rawBody).digest('hex');
  // held-out: secret-compare-not-constant-time
  return `sha256=${digest}` === signatureHeader;
}
