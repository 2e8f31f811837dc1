// held-out: clean — this is an MCP client's local callback listener; startsWith only routes the incoming request path, and the client redirects nowhere.
// ESM CLI MCP client that receives the authorization code on a loopback port and hands it to the SDK transport.
import http from 'node:http';
import { once } from 'node:events';

export async function waitForAuthorizationCode(port = 33418) {
  const server = http.createServer();
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const redirectUri = `http://127.0.0.1:${port}/callback`;

  const code = await new Promise((resolve, reject) => {
    server.on('request', (req, res) => {
      if (!req.url || !req.url.startsWith('/callback')) {
        res.writeHead(404).end();
        return;
      }
      const params = new URL(req.url, redirectUri).searchParams;
      const err = params.get('error');
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>You can close this window.</p>');
      if (err) reject(new Error(err));
      else resolve(params.get('code'));
    });
  });
  server.close();
  return { code, redirectUri };
}

export async function finishAuth(transport) {
  const { code } = await waitForAuthorizationCode();
  await transport.finishAuth(code);
}
