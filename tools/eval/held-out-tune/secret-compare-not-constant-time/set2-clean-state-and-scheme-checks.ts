// held-out: clean — the only equality checks are on the OAuth state (a CSRF nonce, not a credential), the token type 'Bearer' and a redirect target; the access token is verified with jose
// OAuth client callback and bearer verification in an MCP proxy server (MCP authorization; OAuth 2.1 state handling).
import express from 'express';
import { jwtVerify, createRemoteJWKSet } from 'jose';
import { exchange } from './exchange.js';

const router = express.Router();
const jwks = createRemoteJWKSet(new URL(process.env.JWKS_URL!));

router.get('/callback', async (req, res) => {
  const state = String(req.query.state ?? '');
  if (!req.session.oauthState || state !== req.session.oauthState) return res.status(400).send('state mismatch');
  delete req.session.oauthState;
  const tokens = await exchange(String(req.query.code), req.session.verifier!);
  if (tokens.token_type.toLowerCase() !== 'bearer') return res.status(502).send('unexpected token type');
  req.session.upstream = tokens;
  res.redirect(req.session.returnTo === '/settings' ? '/settings' : '/');
});

router.use('/mcp', async (req, res, next) => {
  const [scheme, token] = (req.headers.authorization ?? '').split(' ');
  if (scheme !== 'Bearer' || !token) return res.status(401).set('WWW-Authenticate', 'Bearer').end();
  try {
    const { payload } = await jwtVerify(token, jwks, { audience: process.env.MCP_RESOURCE, issuer: process.env.ISSUER });
    res.locals.sub = payload.sub;
    next();
  } catch {
    res.status(401).set('WWW-Authenticate', 'Bearer error="invalid_token"').end();
  }
});

export default router;
