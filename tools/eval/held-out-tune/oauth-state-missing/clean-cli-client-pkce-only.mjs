// held-out: clean — an MCP client CLI (not a proxy) using PKCE S256 without state; the callback sends the code_verifier, which RFC 9700 §2.1 accepts as CSRF protection.
// Loopback authorization-code flow of a command-line MCP client; RFC 7636, RFC 8252 §7.3, RFC 9700 §2.1.
import http from 'node:http';
import { randomBytes, createHash } from 'node:crypto';

export async function authorize({ authorizationEndpoint, tokenEndpoint, clientId, resource, open }) {
  const codeVerifier = randomBytes(32).toString('base64url');
  const codeChallenge = createHash('sha256').update(codeVerifier).digest('base64url');

  const server = http.createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const redirectUri = `http://127.0.0.1:${server.address().port}/callback`;

  const url = new URL(authorizationEndpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('code_challenge', codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('resource', resource);

  const code = await new Promise((resolve, reject) => {
    server.on('request', (req, res) => {
      const u = new URL(req.url, redirectUri);
      if (u.pathname !== '/callback') return res.writeHead(404).end();
      res.end('You can close this window.');
      server.close();
      const c = u.searchParams.get('code');
      c ? resolve(c) : reject(new Error(u.searchParams.get('error') ?? 'no code'));
    });
    open(url.href);
  });

  const res = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, code_verifier: codeVerifier, resource }),
  });
  if (!res.ok) throw new Error(`token endpoint answered ${res.status}`);
  return res.json();
}
