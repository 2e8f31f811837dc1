// Token table access for verifier.ts.
import Database from 'better-sqlite3';

const db = new Database(process.env.TOKENS_DB ?? './tokens.sqlite', { readonly: true });

export const tokens = {
  async byHash(hash: string) {
    const row = db.prepare('select client_id, scopes, resource, expires_at from tokens where hash = ?').get(hash) as
      | { client_id: string; scopes: string; resource: string; expires_at: number }
      | undefined;
    return row && { clientId: row.client_id, scopes: row.scopes.split(' '), resource: row.resource, expiresAt: row.expires_at };
  },
};
