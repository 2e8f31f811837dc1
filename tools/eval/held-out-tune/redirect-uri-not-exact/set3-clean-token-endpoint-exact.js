// held-out: clean — the token endpoint requires the redirect_uri to be identical to the one bound to the code (RFC 6749 §4.1.3)
// Authorization-code redemption of an MCP authorization server with PKCE and redirect_uri binding
import express from 'express';
import { createHash } from 'node:crypto';
import { takeCode, issueTokens } from './store.js';

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/token', async (req, res) => {
  const { grant_type, code, redirect_uri, code_verifier, client_id } = req.body;
  if (grant_type !== 'authorization_code') {
    return res.status(400).json({ error: 'unsupported_grant_type' });
  }
  const record = await takeCode(code);
  if (!record || record.clientId !== client_id) {
    return res.status(400).json({ error: 'invalid_grant' });
  }
  if (record.redirectUri !== redirect_uri) {
    return res.status(400).json({ error: 'invalid_grant', error_description: 'redirect_uri does not match' });
  }
  const challenge = createHash('sha256').update(code_verifier ?? '').digest('base64url');
  if (challenge !== record.codeChallenge) {
    return res.status(400).json({ error: 'invalid_grant', error_description: 'PKCE verification failed' });
  }
  res.json(await issueTokens(record));
});

app.listen(7001);
