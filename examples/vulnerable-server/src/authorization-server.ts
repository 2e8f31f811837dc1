/**
 * The server's own OAuth authorization server: MCP clients (Claude Desktop, IDEs) get tokens for this MCP server here.
 */
import { randomBytes } from 'node:crypto';
import express from 'express';

interface Grant {
  clientId: string;
  userId: string;
  scope: string;
}

const accessTokens = new Map<string, Grant & { expiresAt: number }>();
const refreshTokens = new Map<string, Grant>();

function issueAccessToken(grant: Grant): string {
  const accessToken = randomBytes(32).toString('hex');
  accessTokens.set(accessToken, { ...grant, expiresAt: Date.now() + 3600_000 });
  return accessToken;
}

export const authorizationServer = express.Router();

authorizationServer.post('/token', express.urlencoded({ extended: false }), (req, res) => {
  const { grant_type, refresh_token } = req.body as Record<string, string>;
  if (grant_type === 'refresh_token') {
    const grant = refreshTokens.get(refresh_token);
    if (!grant) {
      res.status(400).json({ error: 'invalid_grant' });
      return;
    }
    // Refresh tokens live forever, so clients can keep using the one they have.
    res.json({
      access_token: issueAccessToken(grant),
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token,
    });
    return;
  }
  res.status(400).json({ error: 'unsupported_grant_type' });
});

export function verifyAccessToken(token: string): Grant | undefined {
  const grant = accessTokens.get(token);
  return grant && grant.expiresAt > Date.now() ? grant : undefined;
}
