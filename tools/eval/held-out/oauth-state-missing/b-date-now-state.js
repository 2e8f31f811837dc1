// ESM node:http MCP server whose OAuth state is the current timestamp — best practices: generate a "cryptographically secure random" state value.
import http from 'node:http';

const sessions = new Map();

function authorizeUrl(sessionId) {
  // held-out: oauth-state-missing
  const state = `${Date.now()}`;
  sessions.set(sessionId, { state });
  return `https://login.salesforce.example/services/oauth2/authorize?response_type=code&client_id=${process.env.SF_CLIENT_ID}&redirect_uri=${encodeURIComponent('http://localhost:8787/callback')}&state=${state}`;
}

http
  .createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost:8787');
    const sid = url.searchParams.get('sid') || 'default';
    if (url.pathname === '/login') {
      res.writeHead(302, { Location: authorizeUrl(sid) }).end();
      return;
    }
    if (url.pathname === '/callback') {
      const s = sessions.get(sid);
      if (!s || url.searchParams.get('state') !== s.state) {
        res.writeHead(400).end('bad state');
        return;
      }
      sessions.delete(sid);
      res.end('ok');
      return;
    }
    res.writeHead(404).end();
  })
  .listen(8787, '127.0.0.1');
