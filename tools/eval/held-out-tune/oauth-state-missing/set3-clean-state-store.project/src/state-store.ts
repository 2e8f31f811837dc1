// held-out: clean — issue() makes 256-bit random states that expire; consume() returns an entry once and removes it
// Single-use OAuth state store shared by the MCP proxy's routes
import { randomBytes } from 'node:crypto';

interface PendingLogin {
  mcpRedirect: string;
  expiresAt: number;
}

export class StateStore {
  private readonly entries = new Map<string, PendingLogin>();

  constructor(private readonly ttlMs = 600_000) {}

  issue(mcpRedirect: string): string {
    const state = randomBytes(32).toString('base64url');
    this.entries.set(state, { mcpRedirect, expiresAt: Date.now() + this.ttlMs });
    return state;
  }

  consume(state: string | undefined): PendingLogin | undefined {
    if (!state) return undefined;
    const entry = this.entries.get(state);
    this.entries.delete(state);
    return entry && entry.expiresAt > Date.now() ? entry : undefined;
  }
}
