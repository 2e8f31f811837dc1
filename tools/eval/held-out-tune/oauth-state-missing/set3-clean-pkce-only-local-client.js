// held-out: clean — a local (non-proxy) OAuth client using PKCE S256: the verifier kept for this login binds the callback to it (OAuth 2.1 §7.5.1, RFC 9700 §4.7.1), so no state is needed
// Stdio MCP server that signs its single user in to Spotify through a loopback callback with PKCE
import http from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import open from 'open';

const CLIENT_ID = process.env.SPOTIFY_CLIENT_ID;
const REDIRECT_URI = 'http://127.0.0.1:8974/callback';

export async function signIn() {
  const verifier = randomBytes(48).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const authorize = new URL('https://accounts.spotify.com/authorize');
  authorize.search = new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    scope: 'user-read-currently-playing',
    code_challenge_method: 'S256',
    code_challenge: challenge,
  }).toString();

  const code = await new Promise((resolve, reject) => {
    const server = http.createServer((req, res) => {
      const params = new URL(req.url, REDIRECT_URI).searchParams;
      res.end('You can close this window.');
      server.close();
      params.get('code') ? resolve(params.get('code')) : reject(new Error(params.get('error') ?? 'no code'));
    });
    server.listen(8974, '127.0.0.1', () => open(authorize.toString()));
  });

  const response = await fetch('https://accounts.spotify.com/api/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, client_id: CLIENT_ID, code_verifier: verifier }),
  });
  return response.json();
}
