// Webhook signature helper: HMAC-SHA256 of the raw body compared with the Linear-Signature header by === (CWE-208; Linear's docs use timingSafeEqual)
import { createHmac } from 'node:crypto';

export function verifyLinearSignature(rawBody, signatureHeader, secret = process.env.LINEAR_WEBHOOK_SECRET) {
  if (!signatureHeader || !secret) return false;
  const computed = createHmac('sha256', secret).update(rawBody).digest('hex');
  // held-out: secret-compare-not-constant-time
  return computed === signatureHeader;
}
