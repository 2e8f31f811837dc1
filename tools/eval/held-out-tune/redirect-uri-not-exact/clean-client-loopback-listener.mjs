// held-out: clean — an MCP client routing requests on its own loopback callback listener; it is the client, not an authorization server validating someone else's redirect URI.
// Loopback redirect handling of a desktop MCP client (RFC 8252 §7.3).
import http from 'node:http';

export function waitForAuthorizationCode(port, expectedState) {
  const redirectUri = `http://127.0.0.1:${port}/oauth/callback`;
  return new Promise((resolve, reject) => {
    const server = http.createServer((req, res) => {
      if (!req.url || !req.url.startsWith('/oauth/callback')) {
        res.writeHead(404).end();
        return;
      }
      const params = new URL(req.url, redirectUri).searchParams;
      if (params.get('state') !== expectedState) {
        res.writeHead(400).end('State mismatch');
        server.close();
        reject(new Error('state mismatch'));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>Authorized. You can close this window.</p>');
      server.close();
      resolve({ code: params.get('code'), redirectUri });
    });
    server.listen(port, '127.0.0.1');
  });
}
