// oauth-state-missing: issued states are checked for membership but never removed, so a captured state can be replayed — BP state "MUST ... be single-use"
import express from 'express';
import { randomBytes } from 'node:crypto';
import { redeemCode } from './upstream.js';

const issuedStates = new Set<string>();
const router = express.Router();

router.get('/authorize/upstream', (_req, res) => {
  const state = randomBytes(32).toString('base64url');
  issuedStates.add(state);
  res.redirect(`https://idp.example.org/authorize?client_id=mcp-proxy&response_type=code&state=${state}&redirect_uri=${encodeURIComponent('https://proxy.example.org/callback')}`);
});

router.get('/callback', async (req, res) => {
  const returned = String(req.query.state ?? '');
  // held-out: oauth-state-missing
  if (!issuedStates.has(returned)) return res.status(400).send('invalid state');
  const grant = await redeemCode(String(req.query.code));
  res.json({ ok: true, expires_in: grant.expires_in });
});

export default router;
