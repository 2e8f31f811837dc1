/**
 * The server's own OAuth authorization server: MCP clients (Claude Desktop, IDEs) get tokens for this MCP server here.
 * Refresh tokens rotate on every use (OAuth 2.1 §4.3.1); presenting a used one revokes its whole family (RFC 9700).
 */
import { randomBytes } from 'node:crypto';
import express from 'express';

interface Grant {
  clientId: string;
  userId: string;
  scope: string;
}

interface RefreshTokenRecord extends Grant {
  familyId: string;
  used: boolean;
}

const accessTokens = new Map<string, Grant & { expiresAt: number; familyId: string }>();
const refreshTokens = new Map<string, RefreshTokenRecord>();

function issueTokens(grant: Grant, familyId: string) {
  const accessToken = randomBytes(32).toString('hex');
  const refreshToken = randomBytes(32).toString('hex');
  accessTokens.set(accessToken, { ...grant, familyId, expiresAt: Date.now() + 3600_000 });
  refreshTokens.set(refreshToken, { ...grant, familyId, used: false });
  return { access_token: accessToken, token_type: 'Bearer', expires_in: 3600, refresh_token: refreshToken };
}

/** A stolen refresh token used after the real client rotated it: end every session of that grant. */
function revokeFamily(familyId: string): void {
  for (const [token, record] of refreshTokens) if (record.familyId === familyId) refreshTokens.delete(token);
  for (const [token, record] of accessTokens) if (record.familyId === familyId) accessTokens.delete(token);
}

export const authorizationServer = express.Router();

authorizationServer.post('/token', express.urlencoded({ extended: false }), (req, res) => {
  const { grant_type, refresh_token } = req.body as Record<string, string>;
  if (grant_type === 'refresh_token') {
    const presented = refreshTokens.get(refresh_token);
    if (!presented) {
      res.status(400).json({ error: 'invalid_grant' });
      return;
    }
    if (presented.used) {
      revokeFamily(presented.familyId);
      res.status(400).json({ error: 'invalid_grant', error_description: 'refresh token reuse detected' });
      return;
    }
    presented.used = true;
    refreshTokens.delete(refresh_token);
    const { clientId, userId, scope, familyId } = presented;
    res.json(issueTokens({ clientId, userId, scope }, familyId));
    return;
  }
  res.status(400).json({ error: 'unsupported_grant_type' });
});

export function verifyAccessToken(token: string): Grant | undefined {
  const grant = accessTokens.get(token);
  return grant && grant.expiresAt > Date.now() ? grant : undefined;
}
