// Refresh-token grant of an MCP authorization server: the presented refresh_token is looked up by grant id and compared with the stored one by !== (CWE-208; OAuth 2.1 treats refresh tokens as credentials)
import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';

interface Grant {
  id: string;
  clientId: string;
  userId: string;
  refreshToken: string;
  scopes: string[];
  revoked: boolean;
}

const grants = new Map<string, Grant>();

function newToken() {
  return randomBytes(32).toString('base64url');
}

// refresh tokens are issued as "<grantId>.<secret>" so the grant can be found without a table scan
export function refreshGrant(req: Request, res: Response) {
  const { refresh_token: presentedRefreshToken, client_id } = req.body as { refresh_token?: string; client_id?: string };
  const grantId = presentedRefreshToken?.split('.')[0];
  const grant = grantId ? grants.get(grantId) : undefined;
  // held-out: secret-compare-not-constant-time
  if (!grant || grant.revoked || grant.refreshToken !== presentedRefreshToken) {
    return res.status(400).json({ error: 'invalid_grant' });
  }
  if (grant.clientId !== client_id) return res.status(400).json({ error: 'invalid_client' });

  grant.refreshToken = `${grant.id}.${newToken()}`;
  res.json({
    access_token: newToken(),
    token_type: 'Bearer',
    expires_in: 900,
    refresh_token: grant.refreshToken,
    scope: grant.scopes.join(' '),
  });
}
