// Client records with hashed secrets.
import { Pool } from 'pg';

const pool = new Pool();

export async function loadClient(id: string) {
  const { rows } = await pool.query('select client_id, token_endpoint_auth_method, secret_hash from oauth_clients where client_id = $1', [id]);
  return rows[0] as { client_id: string; token_endpoint_auth_method: string; secret_hash: string | null } | undefined;
}
