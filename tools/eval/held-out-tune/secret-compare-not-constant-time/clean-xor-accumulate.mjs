// held-out: clean — a hand-written constant-time compare: it XORs every byte of SHA-256 digests (always 32 bytes) and only compares the accumulator with 0 at the end.
// Access-token check of a small stdio-to-HTTP MCP bridge without Node's timingSafeEqual in scope; CWE-208 mitigation.
import { createHash } from 'node:crypto';

const sha256 = (s) => createHash('sha256').update(s, 'utf8').digest();

export function constantTimeEqual(presented, expected) {
  const a = sha256(String(presented ?? ''));
  const b = sha256(String(expected ?? ''));
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

export function isAuthorized(headers) {
  const presented = String(headers.authorization ?? '').replace(/^Bearer\s+/, '');
  return presented.length > 0 && constantTimeEqual(presented, process.env.BRIDGE_TOKEN);
}
