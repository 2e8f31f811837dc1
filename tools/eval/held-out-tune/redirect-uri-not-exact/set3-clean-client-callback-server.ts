// held-out: clean — this is an MCP client's local loopback callback listener; startsWith tests its own request path, no redirect URI is validated or followed
// Local OAuth callback server of an MCP client (RFC 8252 loopback redirect) that waits for the authorization code
import http from 'node:http';

export function waitForCallback(port: number, expectedState: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const server = http.createServer((req, res) => {
      if (!req.url || !req.url.startsWith('/callback')) {
        res.writeHead(404).end();
        return;
      }
      const params = new URL(req.url, `http://127.0.0.1:${port}`).searchParams;
      const code = params.get('code');
      if (params.get('state') !== expectedState || !code) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('Authorization failed');
        server.close();
        reject(new Error('state mismatch or missing code'));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<p>Authorized. You can close this tab.</p>');
      server.close();
      resolve(code);
    });
    server.listen(port, '127.0.0.1');
    setTimeout(() => {
      server.close();
      reject(new Error('timed out waiting for OAuth callback'));
    }, 300_000).unref();
  });
}
