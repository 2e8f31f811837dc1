// secret-compare-not-constant-time: for the plain PKCE method the code_verifier is compared with the stored challenge using === — OAuth 2.1 §4.1.3 verifier check; secret compared without constant time
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { codes } from './codes.js';

export async function tokenHandler(req: Request, res: Response) {
  const { code, code_verifier: codeVerifier } = req.body as { code: string; code_verifier: string };
  const grant = await codes.take(code);
  if (!grant) return res.status(400).json({ error: 'invalid_grant' });

  let ok: boolean;
  if (grant.codeChallengeMethod === 'S256') {
    ok = createHash('sha256').update(codeVerifier).digest('base64url') === grant.codeChallenge;
  } else {
    // held-out: secret-compare-not-constant-time
    ok = codeVerifier === grant.codeChallenge;
  }
  if (!ok) return res.status(400).json({ error: 'invalid_grant', error_description: 'PKCE verification failed' });
  res.json({ access_token: grant.accessToken, token_type: 'Bearer', expires_in: 3600 });
}
