// Plain node:http MCP server reading the access token from the URL's search params — MCP authorization: "Access tokens MUST NOT be included in the URI query string"
'use strict';
const http = require('node:http');
const { introspect } = require('./introspection');

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (chunk) => { data += chunk; });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  if (url.pathname !== '/mcp') {
    res.writeHead(404).end();
    return;
  }
  // held-out: bearer-token-in-query
  const accessToken = url.searchParams.get('access_token');
  const info = accessToken ? await introspect(accessToken) : null;
  if (!info || !info.active) {
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'invalid_token' }));
    return;
  }
  const message = JSON.parse(await readBody(req));
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ jsonrpc: '2.0', id: message.id, result: { client: info.client_id } }));
});

server.listen(process.env.PORT || 4000);
