// CommonJS node:http introspection endpoint (RFC 7662) of an MCP authorization server: the resource server's Basic-auth password is compared with === — client secrets must be compared in constant time.
'use strict';

const http = require('node:http');
const { lookupToken } = require('./tokens');

const RESOURCE_SERVERS = {
  'mcp-files': process.env.RS_FILES_SECRET,
  'mcp-mail': process.env.RS_MAIL_SECRET,
};

function authenticateResourceServer(req) {
  const header = req.headers.authorization || '';
  if (!header.startsWith('Basic ')) return null;
  const [id, secret] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
  const expectedSecret = RESOURCE_SERVERS[id];
  // held-out: secret-compare-not-constant-time
  return expectedSecret && secret === expectedSecret ? id : null;
}

http
  .createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/introspect') {
      res.writeHead(404).end();
      return;
    }
    const caller = authenticateResourceServer(req);
    if (!caller) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="introspection"' }).end();
      return;
    }
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      const token = new URLSearchParams(body).get('token');
      const record = await lookupToken(token);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(record ? { active: true, aud: record.aud, scope: record.scope, client_id: record.clientId, exp: record.exp } : { active: false }));
    });
  })
  .listen(9100, '127.0.0.1');
