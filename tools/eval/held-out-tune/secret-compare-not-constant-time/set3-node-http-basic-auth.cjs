// CommonJS node:http MCP endpoint with HTTP Basic credentials parsed by hand; the password is compared with the configured one by === (CWE-208; RFC 6749 §2.3.1 notes client passwords need brute-force protection)
'use strict';

const http = require('node:http');
const { handleJsonRpc } = require('./rpc.cjs');

const ADMIN_USER = process.env.ADMIN_USER || 'admin';
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD;

function authorized(req) {
  const header = req.headers.authorization || '';
  if (!header.startsWith('Basic ')) return false;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) return false;
  const user = decoded.slice(0, separator);
  const password = decoded.slice(separator + 1);
  // held-out: secret-compare-not-constant-time
  return user === ADMIN_USER && password === ADMIN_PASSWORD;
}

const server = http.createServer((req, res) => {
  if (req.url !== '/mcp') {
    res.writeHead(404);
    return res.end();
  }
  if (!authorized(req)) {
    res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="mcp"' });
    return res.end();
  }
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', async () => {
    const reply = await handleJsonRpc(JSON.parse(body || '{}'));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reply));
  });
});

server.listen(Number(process.env.PORT || 3000), '127.0.0.1');
