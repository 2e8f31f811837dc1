// held-out: clean — the comparisons are of grant_type, client_id, redirect_uri and the code's owner, none of which is a secret; the code itself is looked up and the PKCE verifier checked by hash
// Token endpoint of an MCP authorization server (OAuth 2.1 §4.1.3: redirect_uri and client_id must match the authorization request).
import { createHash } from 'node:crypto';
import express from 'express';
import { codes } from './code-store.js';
import { issueTokens } from './issue.js';

export const token = express.Router();
token.use(express.urlencoded({ extended: false }));

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

token.post('/token', async (req, res) => {
  const { grant_type, code, client_id, redirect_uri, code_verifier } = req.body as Record<string, string | undefined>;
  if (grant_type !== 'authorization_code') return res.status(400).json({ error: 'unsupported_grant_type' });
  if (!code || !client_id || !code_verifier) return res.status(400).json({ error: 'invalid_request' });

  const issued = await codes.take(code);
  if (!issued) return res.status(400).json({ error: 'invalid_grant' });
  if (issued.clientId !== client_id) return res.status(400).json({ error: 'invalid_grant' });
  if (issued.redirectUri !== redirect_uri) return res.status(400).json({ error: 'invalid_grant' });
  if (s256(code_verifier) !== issued.codeChallenge) return res.status(400).json({ error: 'invalid_grant' });
  if (issued.expiresAt < Date.now()) return res.status(400).json({ error: 'invalid_grant' });

  res.set('Cache-Control', 'no-store').json(await issueTokens(issued.userId, issued.clientId, issued.scope));
});
