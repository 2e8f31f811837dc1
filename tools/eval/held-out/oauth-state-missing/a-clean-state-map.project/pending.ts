// Pending-authorization store keyed by a random state; take() removes the entry so each state works once.
import { randomUUID } from 'node:crypto';

interface Pending {
  mcpClientId: string;
  mcpRedirectUri: string;
  expiresAt: number;
}

const pending = new Map<string, Pending>();

export function begin(p: Omit<Pending, 'expiresAt'>): string {
  const state = randomUUID();
  pending.set(state, { ...p, expiresAt: Date.now() + 10 * 60_000 });
  return state;
}

export function take(state: string | undefined): Pending | undefined {
  if (!state) return undefined;
  const entry = pending.get(state);
  pending.delete(state);
  return entry && entry.expiresAt > Date.now() ? entry : undefined;
}
