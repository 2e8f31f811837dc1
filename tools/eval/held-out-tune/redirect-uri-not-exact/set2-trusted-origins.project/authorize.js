// Authorize handler that accepts a redirect_uri whenever its origin is in the trusted set from config.js — MCP 2026-07-28 security best practices ("exact string matching"); RFC 9700 §4.1.3.
import { randomBytes } from 'node:crypto';
import { TRUSTED_ORIGINS, CODE_TTL_SECONDS } from './config.js';
import { codeStore } from './code-store.js';

export async function authorizeHandler(req, res) {
  const { client_id, redirect_uri, state, code_challenge, code_challenge_method } = req.query;
  let origin;
  try {
    origin = new URL(redirect_uri).origin;
  } catch {
    return res.status(400).json({ error: 'invalid_request' });
  }
  // held-out: redirect-uri-not-exact
  if (!TRUSTED_ORIGINS.has(origin)) return res.status(400).json({ error: 'invalid_request', error_description: 'untrusted redirect_uri' });
  if (code_challenge_method !== 'S256') return res.status(400).json({ error: 'invalid_request' });

  const code = randomBytes(32).toString('base64url');
  await codeStore.set(code, { client_id, redirect_uri, code_challenge, user: req.user.id }, CODE_TTL_SECONDS);
  const location = new URL(redirect_uri);
  location.searchParams.set('code', code);
  if (state) location.searchParams.set('state', state);
  res.redirect(location.href);
}
