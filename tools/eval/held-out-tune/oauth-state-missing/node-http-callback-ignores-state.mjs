// Stdio MCP server with a loopback node:http listener: sends a random state but the callback redeems the code without checking it; MCP BP: "Reject any callback requests where the state parameter is missing or does not match".
import http from 'node:http';
import crypto from 'node:crypto';
import { writeFile } from 'node:fs/promises';

const CLIENT_ID = process.env.DROPBOX_APP_KEY;
const CLIENT_SECRET = process.env.DROPBOX_APP_SECRET;
const REDIRECT = 'http://127.0.0.1:53682/callback';

export function beginLogin(openBrowser) {
  const state = crypto.randomBytes(16).toString('hex');
  const authUrl = new URL('https://www.dropbox.com/oauth2/authorize');
  authUrl.search = new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: REDIRECT,
    token_access_type: 'offline',
    state,
  }).toString();

  return new Promise((resolve, reject) => {
    const server = http.createServer(async (req, res) => {
      const url = new URL(req.url ?? '/', REDIRECT);
      if (url.pathname !== '/callback') {
        res.writeHead(404).end();
        return;
      }
      const code = url.searchParams.get('code');
      try {
        // held-out: oauth-state-missing
        const tokenRes = await fetch('https://api.dropboxapi.com/oauth2/token', {
          method: 'POST',
          body: new URLSearchParams({ code, grant_type: 'authorization_code', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uri: REDIRECT }),
        });
        const tokens = await tokenRes.json();
        await writeFile(new URL('./.dropbox-tokens.json', import.meta.url), JSON.stringify(tokens), { mode: 0o600 });
        res.end('Signed in to Dropbox. Return to your MCP client.');
        resolve(tokens);
      } catch (err) {
        res.writeHead(500).end('login failed');
        reject(err);
      } finally {
        server.close();
      }
    });
    server.listen(53682, '127.0.0.1', () => openBrowser(authUrl.toString()));
  });
}
