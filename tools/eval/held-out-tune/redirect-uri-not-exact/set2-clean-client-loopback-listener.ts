// held-out: clean — an MCP client's own loopback listener checking the path its redirect URI points at; no authorization server validates anything here
// Local OAuth callback receiver of a CLI MCP client (RFC 8252 §7.3 loopback redirection; MCP 2026-07-28 authorization, client side).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export async function waitForAuthorizationCode(expectedState: string): Promise<{ code: string; redirectUri: string }> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const redirectUri = `http://127.0.0.1:${port}/callback`;

  return new Promise((resolve, reject) => {
    server.on('request', (req, res) => {
      const url = new URL(req.url ?? '/', redirectUri);
      if (!url.pathname.startsWith('/callback')) {
        res.writeHead(404).end();
        return;
      }
      const code = url.searchParams.get('code');
      if (url.searchParams.get('state') !== expectedState || !code) {
        res.writeHead(400).end('Authorization failed.');
        reject(new Error('state mismatch or missing code'));
      } else {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<p>You can close this window.</p>');
        resolve({ code, redirectUri });
      }
      server.close();
    });
  });
}
