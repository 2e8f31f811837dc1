// Opaque access-token store of a combined authorization/resource server; each row records the resource it was issued for.
import { Pool } from 'pg';

export const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export interface TokenRow {
  token_hash: string;
  client_id: string;
  scopes: string[];
  resource: string;
  expires_at: Date;
}

export async function findToken(tokenHash: string): Promise<TokenRow | undefined> {
  const { rows } = await pool.query<TokenRow>(
    'select token_hash, client_id, scopes, resource, expires_at from access_tokens where token_hash = $1',
    [tokenHash],
  );
  return rows[0];
}
