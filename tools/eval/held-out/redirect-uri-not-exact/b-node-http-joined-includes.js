// node:http authorization server (ESM) that checks redirect_uri with a substring search in the joined list of registered URIs — spec (security considerations): "Authorization servers MUST validate exact redirect URIs against pre-registered values."
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { loadClient, rememberCode } from './registry.js';

createServer(async (req, res) => {
  const url = new URL(req.url, 'https://auth.local-mcp.example');
  if (url.pathname !== '/authorize') {
    res.writeHead(404).end();
    return;
  }
  const p = url.searchParams;
  const client = await loadClient(p.get('client_id'));
  const redirectTo = p.get('redirect_uri') ?? '';
  // held-out: redirect-uri-not-exact
  if (!client || !client.redirectUris.join(' ').includes(redirectTo)) {
    res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid_request' }));
    return;
  }
  const code = randomUUID();
  await rememberCode(code, { client: client.id, redirectTo, challenge: p.get('code_challenge') });
  res.writeHead(302, { location: `${redirectTo}${redirectTo.includes('?') ? '&' : '?'}code=${code}&state=${p.get('state') ?? ''}` }).end();
}).listen(9000, '127.0.0.1');
