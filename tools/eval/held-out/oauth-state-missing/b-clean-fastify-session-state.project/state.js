// held-out: clean — helper: issueState() draws 32 random bytes and stores them in the session; consumeState() requires the returned value, compares it, and clears it (single use).
// State helpers of a Fastify MCP server's OAuth client (ESM).
import { randomBytes } from 'node:crypto';

export function issueState(session) {
  const value = randomBytes(32).toString('base64url');
  session.set('oauthState', value);
  return value;
}

export function consumeState(session, returned) {
  const expected = session.get('oauthState');
  session.set('oauthState', undefined);
  return typeof returned === 'string' && typeof expected === 'string' && returned.length > 0 && returned === expected;
}
