// CLI MCP client logging the user in through a loopback redirect: the authorization request carries neither state nor a PKCE challenge — MCP 2026-07-28 authorization (clients MUST use PKCE) and security best practices, state.
import http from 'node:http';
import open from 'open';

const AUTH_SERVER = 'https://auth.mcp-host.example.com';
const CLIENT_ID = 'mcp-cli';
const REDIRECT_URI = 'http://127.0.0.1:33418/callback';

export async function login(resource: string): Promise<string> {
  // held-out: oauth-state-missing
  const params = new URLSearchParams({ response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, scope: 'mcp', resource });
  await open(`${AUTH_SERVER}/authorize?${params.toString()}`);

  const code = await new Promise<string>((resolve) => {
    const server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', REDIRECT_URI);
      res.end('Signed in, you can close this tab.');
      server.close();
      resolve(url.searchParams.get('code') ?? '');
    });
    server.listen(33418, '127.0.0.1');
  });

  const tokenRes = await fetch(`${AUTH_SERVER}/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, client_id: CLIENT_ID, resource }),
  });
  const { access_token } = (await tokenRes.json()) as { access_token: string };
  return access_token;
}
