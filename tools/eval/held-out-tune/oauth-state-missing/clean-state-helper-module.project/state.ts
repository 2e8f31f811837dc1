// held-out: clean — helper module issuing a random state bound to the session and consuming it once (compare + delete) on the callback.
// State handling of an Express MCP server's Linear connection; MCP BP state parameter.
import type { Request } from 'express';
import { randomBytes, timingSafeEqual } from 'node:crypto';

export function issueState(req: Request): string {
  const state = randomBytes(32).toString('base64url');
  req.session.oauthState = { value: state, expires: Date.now() + 600_000 };
  return state;
}

export function consumeState(req: Request): boolean {
  const pending = req.session.oauthState;
  delete req.session.oauthState;
  const presented = typeof req.query.state === 'string' ? Buffer.from(req.query.state) : Buffer.alloc(0);
  if (!pending || pending.expires < Date.now()) return false;
  const expected = Buffer.from(pending.value);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}
