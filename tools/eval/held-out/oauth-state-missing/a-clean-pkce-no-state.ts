// held-out: clean — the authorization request carries no state but uses PKCE (S256), which the rule accepts as CSRF protection
// Upstream OAuth 2.1 flow of an MCP server; the verifier is bound to the user's session and sent at the token endpoint (OAuth 2.1 §7.5.1; AUTH: PKCE).
import express from 'express';
import session from 'express-session';
import { createHash, randomBytes } from 'node:crypto';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false, cookie: { secure: true, sameSite: 'lax' } }));

app.get('/connect', (req, res) => {
  const verifier = randomBytes(48).toString('base64url');
  req.session.pkceVerifier = verifier;
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const u = new URL('https://oauth.example-saas.com/authorize');
  u.searchParams.set('response_type', 'code');
  u.searchParams.set('client_id', process.env.SAAS_CLIENT_ID!);
  u.searchParams.set('redirect_uri', 'https://saas-mcp.example.com/connect/callback');
  u.searchParams.set('code_challenge', challenge);
  u.searchParams.set('code_challenge_method', 'S256');
  res.redirect(u.href);
});

app.get('/connect/callback', async (req, res) => {
  const verifier = req.session.pkceVerifier;
  delete req.session.pkceVerifier;
  if (!verifier) return res.status(400).send('no pending authorization');
  const r = await fetch('https://oauth.example-saas.com/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: String(req.query.code), code_verifier: verifier, client_id: process.env.SAAS_CLIENT_ID!, redirect_uri: 'https://saas-mcp.example.com/connect/callback' }),
  });
  req.session.saas = await r.json();
  res.send('connected');
});

app.listen(3000);
