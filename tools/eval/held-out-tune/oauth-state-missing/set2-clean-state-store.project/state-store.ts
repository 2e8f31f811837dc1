// held-out: clean — helper module: issues random states (randomBytes) tied to a session and consumes each one once
// State store of a multi-file MCP proxy server (MCP 2026-07-28 security best practices, state parameter).
import { randomBytes } from 'node:crypto';

interface PendingState {
  sessionId: string;
  codeVerifier: string;
  expiresAt: number;
}

const pending = new Map<string, PendingState>();

export function issueState(sessionId: string, codeVerifier: string): string {
  const state = randomBytes(32).toString('base64url');
  pending.set(state, { sessionId, codeVerifier, expiresAt: Date.now() + 5 * 60_000 });
  return state;
}

export function consumeState(state: string | undefined, sessionId: string): PendingState | undefined {
  if (!state) return undefined;
  const entry = pending.get(state);
  pending.delete(state);
  if (!entry || entry.sessionId !== sessionId || entry.expiresAt < Date.now()) return undefined;
  return entry;
}
