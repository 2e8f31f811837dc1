// held-out: clean — the requested redirect_uri must be one of the client's registered URIs as a whole string (array membership)
// Express /authorize of an MCP server acting as its own authorization server (MCP 2026-07-28 security considerations, open redirection).
import express from 'express';
import { randomBytes } from 'node:crypto';
import { clientRegistry, authCodes } from './registry.js';

const router = express.Router();

router.get('/authorize', async (req, res) => {
  const clientId = String(req.query.client_id ?? '');
  const redirectUri = String(req.query.redirect_uri ?? '');
  const client = await clientRegistry.get(clientId);
  if (!client) return res.status(400).send('unknown client');
  if (!client.redirect_uris.includes(redirectUri)) {
    return res.status(400).send('redirect_uri is not registered for this client');
  }
  const code = randomBytes(32).toString('base64url');
  await authCodes.put(code, { clientId, redirectUri, challenge: String(req.query.code_challenge), expiresAt: Date.now() + 60_000 });
  const back = new URL(redirectUri);
  back.searchParams.set('code', code);
  back.searchParams.set('state', String(req.query.state ?? ''));
  res.redirect(back.href);
});

export default router;
