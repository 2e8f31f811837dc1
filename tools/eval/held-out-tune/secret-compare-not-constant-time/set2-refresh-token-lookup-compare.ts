// Refresh grant of an MCP authorization server comparing the presented refresh_token with the stored one by !== (OAuth 2.1 §4.3; MCP security considerations: secure token handling; CWE-208).
import type { Request, Response } from 'express';
import { grants } from './grant-store.js';
import { mintAccessToken, newRefreshToken } from './mint.js';

export async function refreshGrant(req: Request, res: Response) {
  const { refresh_token: presentedRefreshToken, client_id: clientId, grant_id: grantId } = req.body as Record<string, string>;
  const record = await grants.get(grantId);
  if (!record || record.clientId !== clientId) return res.status(400).json({ error: 'invalid_grant' });
  // held-out: secret-compare-not-constant-time
  if (record.refreshToken !== presentedRefreshToken) {
    await grants.revoke(grantId);
    return res.status(400).json({ error: 'invalid_grant' });
  }
  record.refreshToken = newRefreshToken();
  await grants.put(grantId, record);
  return res.json({ access_token: await mintAccessToken(record), refresh_token: record.refreshToken, token_type: 'Bearer', expires_in: 3600 });
}
