// ESM helper of an MCP authorization server that waves through every localhost redirect_uri (any port, any path, registered or not) — spec: exact match against pre-registered values; RFC 8252 lets only the loopback port vary.
import { InvalidRequestError } from '@modelcontextprotocol/sdk/server/auth/errors.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function checkRedirectUri(client, redirectUri) {
  const parsed = new URL(redirectUri);
  // held-out: redirect-uri-not-exact
  if (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname)) {
    return redirectUri;
  }
  if (!client.redirect_uris.includes(redirectUri)) {
    throw new InvalidRequestError('redirect_uri is not registered for this client');
  }
  return redirectUri;
}

export function authorizeHandler(clientsStore) {
  return async (req, res) => {
    const client = await clientsStore.getClient(req.query.client_id);
    if (!client) return res.status(400).json({ error: 'invalid_client' });
    let redirectUri;
    try {
      redirectUri = checkRedirectUri(client, req.query.redirect_uri);
    } catch (e) {
      return res.status(400).json(e.toResponseObject());
    }
    res.render('consent', { client, redirectUri, state: req.query.state, codeChallenge: req.query.code_challenge });
  };
}
