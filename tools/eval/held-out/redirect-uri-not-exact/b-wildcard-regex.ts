// Express OAuth authorize handler for an MCP server that lets clients register wildcard redirect patterns and matches them as regular expressions — best practices: redirect URIs must be validated with "exact string matching (not pattern matching or wildcards)".
import express, { type Request, type Response } from 'express';
import { randomBytes } from 'node:crypto';
import { getClient, storeCode } from './oauth-store.js';

function patternToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

function redirectAllowed(redirectUri: string, patterns: string[]): boolean {
  // held-out: redirect-uri-not-exact
  return patterns.some((p) => patternToRegExp(p).test(redirectUri));
}

export const oauthRouter = express.Router();

oauthRouter.get('/authorize', async (req: Request, res: Response) => {
  const clientId = String(req.query.client_id ?? '');
  const redirectUri = String(req.query.redirect_uri ?? '');
  const client = await getClient(clientId);
  if (!client || !redirectAllowed(redirectUri, client.redirectPatterns)) {
    res.status(400).json({ error: 'invalid_request', error_description: 'redirect_uri mismatch' });
    return;
  }
  const code = randomBytes(32).toString('base64url');
  await storeCode(code, { clientId, redirectUri, codeChallenge: String(req.query.code_challenge) });
  res.redirect(`${redirectUri}?code=${code}&state=${encodeURIComponent(String(req.query.state ?? ''))}`);
});
