// held-out: clean — a post-login returnTo limited to same-site relative paths; it is not an OAuth redirect_uri and carries no authorization code.
// Express MCP dashboard login handler redirecting back to the page the user came from; not an authorization server.
import express from 'express';
import { verifyPassword } from './users.js';

export const login = express.Router();

function safeReturnTo(value) {
  if (typeof value !== 'string') return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}

login.post('/login', express.urlencoded({ extended: false }), async (req, res) => {
  const user = await verifyPassword(req.body.email, req.body.password);
  if (!user) return res.status(401).render('login', { error: 'Wrong email or password' });
  req.session.regenerate((err) => {
    if (err) return res.status(500).end();
    req.session.userId = user.id;
    res.redirect(303, safeReturnTo(req.query.returnTo));
  });
});
