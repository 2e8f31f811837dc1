// held-out: clean — the post-login returnTo is a same-site path (must start with one "/"), and carries no authorization code; the OAuth redirect_uri is compared exactly elsewhere
// Login page of an MCP authorization server returning the user to the pending /authorize request (MCP 2026-07-28 security considerations, open redirection).
const express = require('express');
const { verifyPassword } = require('./users');

const router = express.Router();

function safeReturnTo(value) {
  if (typeof value !== 'string') return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}

router.post('/login', express.urlencoded({ extended: false }), async (req, res) => {
  const user = await verifyPassword(req.body.email, req.body.password);
  if (!user) return res.status(401).render('login', { error: 'Wrong email or password', returnTo: req.body.returnTo });
  req.session.regenerate((err) => {
    if (err) return res.status(500).end();
    req.session.userId = user.id;
    res.redirect(303, safeReturnTo(req.body.returnTo));
  });
});

module.exports = router;
