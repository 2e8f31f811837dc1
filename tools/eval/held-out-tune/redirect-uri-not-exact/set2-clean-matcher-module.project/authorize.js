// held-out: clean — the authorize endpoint uses the exact matcher from redirect-match.js and refuses without redirecting when nothing matches
// Authorization endpoint of a JavaScript MCP authorization server (MCP 2026-07-28 security considerations, open redirection).
import { randomBytes } from 'node:crypto';
import { redirectUriRegistered } from './redirect-match.js';
import { clients, codes } from './store.js';

export async function authorize(req, res) {
  const client = await clients.get(req.query.client_id);
  const redirectUri = req.query.redirect_uri;
  if (!client || typeof redirectUri !== 'string' || !redirectUriRegistered(redirectUri, client.redirect_uris)) {
    res.status(400).send('The redirect URI is not registered for this client.');
    return;
  }
  const code = randomBytes(32).toString('base64url');
  await codes.set(code, { clientId: client.client_id, redirectUri, codeChallenge: req.query.code_challenge });
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  if (req.query.state) target.searchParams.set('state', req.query.state);
  res.redirect(target.href);
}
