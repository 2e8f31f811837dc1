// node:http authorization server comparing only the origin of the requested redirect URI with the registered one; RFC 9700 §4.1.3 / MCP BP exact string matching.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { lookupClient, rememberCode } from './db.mjs';

function sameOrigin(requested, registered) {
  try {
    return new URL(requested).origin === new URL(registered).origin;
  } catch {
    return false;
  }
}

http.createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  if (url.pathname !== '/authorize') {
    res.writeHead(404).end();
    return;
  }
  const client = await lookupClient(url.searchParams.get('client_id'));
  const redirectUri = url.searchParams.get('redirect_uri') ?? '';
  // held-out: redirect-uri-not-exact
  if (!client || !client.redirect_uris.some((registered) => sameOrigin(redirectUri, registered))) {
    res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid_redirect_uri' }));
    return;
  }
  const code = randomBytes(24).toString('hex');
  await rememberCode(code, { clientId: client.client_id, redirectUri, challenge: url.searchParams.get('code_challenge') });
  const dest = new URL(redirectUri);
  dest.searchParams.set('code', code);
  dest.searchParams.set('state', url.searchParams.get('state') ?? '');
  res.writeHead(302, { location: dest.href }).end();
}).listen(Number(process.env.PORT ?? 8787), '127.0.0.1');
