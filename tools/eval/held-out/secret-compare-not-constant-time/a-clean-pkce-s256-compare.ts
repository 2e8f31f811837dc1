// held-out: clean — only S256 is supported and the comparison is between the SHA-256 of the verifier and the public code_challenge (comparing hashes)
// Authorization-code grant of an MCP authorization server (OAuth 2.1 §4.1.3; AUTH: PKCE S256).
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { authCodes } from './codes.js';

export async function exchangeCode(req: Request, res: Response) {
  const { code, code_verifier: verifier, redirect_uri: redirectUri } = req.body as Record<string, string | undefined>;
  if (!code || !verifier) return res.status(400).json({ error: 'invalid_request' });
  const grant = await authCodes.consume(code);
  if (!grant || grant.redirectUri !== redirectUri) return res.status(400).json({ error: 'invalid_grant' });
  const derivedChallenge = createHash('sha256').update(verifier, 'ascii').digest('base64url');
  if (derivedChallenge !== grant.codeChallenge) {
    return res.status(400).json({ error: 'invalid_grant', error_description: 'code_verifier mismatch' });
  }
  res.json(await grant.mintTokens());
}
