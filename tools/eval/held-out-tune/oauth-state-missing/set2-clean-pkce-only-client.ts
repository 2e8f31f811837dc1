// held-out: clean — no state, but the request carries a PKCE S256 challenge and the token request sends the matching code_verifier (RFC 9700 §2.1 accepts PKCE for CSRF protection)
// Desktop MCP client's loopback login (MCP 2026-07-28 authorization: clients MUST implement PKCE with S256).
import http from 'node:http';
import { createHash, randomBytes } from 'node:crypto';

export async function signIn(authServer: string, clientId: string, resource: string) {
  const verifier = randomBytes(48).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const redirectUri = 'http://127.0.0.1:47111/cb';

  const authorize = new URL('/authorize', authServer);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    resource,
  }).toString();
  console.error(`Open this URL to sign in: ${authorize.href}`);

  const code = await new Promise<string>((resolve, reject) => {
    const srv = http.createServer((req, res) => {
      const got = new URL(req.url ?? '/', redirectUri).searchParams.get('code');
      res.end(got ? 'Done.' : 'No code.');
      srv.close();
      got ? resolve(got) : reject(new Error('no code'));
    });
    srv.listen(47111, '127.0.0.1');
  });

  const res = await fetch(new URL('/token', authServer), {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, code_verifier: verifier, resource }),
  });
  return res.json();
}
