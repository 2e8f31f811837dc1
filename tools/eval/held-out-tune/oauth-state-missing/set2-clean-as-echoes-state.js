// held-out: clean — this is the authorization server: it returns the client's state unchanged with the code, as RFC 6749 §4.1.2 requires; generating state is the client's job
// Consent approval handler of an MCP server acting as its own authorization server (MCP 2026-07-28 authorization; RFC 6749 §4.1.2).
const express = require('express');
const crypto = require('node:crypto');
const { pendingAuthorizations, authorizationCodes } = require('./store');

const router = express.Router();

router.post('/consent', express.urlencoded({ extended: false }), async (req, res) => {
  const pending = await pendingAuthorizations.take(req.body.request_id);
  if (!pending || pending.userId !== req.session.userId) return res.status(400).send('unknown authorization request');
  const target = new URL(pending.redirectUri);
  if (req.body.decision !== 'allow') {
    target.searchParams.set('error', 'access_denied');
  } else {
    const code = crypto.randomBytes(32).toString('base64url');
    await authorizationCodes.put(code, { clientId: pending.clientId, userId: pending.userId, codeChallenge: pending.codeChallenge, redirectUri: pending.redirectUri }, 60);
    target.searchParams.set('code', code);
  }
  if (pending.state) target.searchParams.set('state', pending.state);
  res.redirect(303, target.href);
});

module.exports = router;
