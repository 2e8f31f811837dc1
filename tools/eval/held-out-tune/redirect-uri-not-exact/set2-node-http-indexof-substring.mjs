// node:http authorization server of a small MCP server: accepts the redirect_uri when a registered URI occurs anywhere in it (indexOf on the string, not on the list) — MCP 2026-07-28 security considerations, open redirection.
import http from 'node:http';
import { randomBytes } from 'node:crypto';

const registry = new Map([
  ['mcp-inspector', { redirectUris: ['http://localhost:6274/oauth/callback'] }],
  ['claude-desktop', { redirectUris: ['https://claude.ai/api/mcp/auth_callback'] }],
]);
const codes = new Map();

http
  .createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1:7777');
    if (url.pathname !== '/authorize') {
      res.writeHead(404).end();
      return;
    }
    const client = registry.get(url.searchParams.get('client_id'));
    const redirect = decodeURIComponent(url.searchParams.get('redirect_uri') ?? '');
    // held-out: redirect-uri-not-exact
    if (!client || !client.redirectUris.some((r) => redirect.indexOf(r) !== -1)) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad redirect_uri');
      return;
    }
    const code = randomBytes(16).toString('hex');
    codes.set(code, { client: url.searchParams.get('client_id'), redirect, challenge: url.searchParams.get('code_challenge') });
    res.writeHead(302, { location: `${redirect}${redirect.includes('?') ? '&' : '?'}code=${code}&state=${url.searchParams.get('state') ?? ''}` }).end();
  })
  .listen(7777, '127.0.0.1');
