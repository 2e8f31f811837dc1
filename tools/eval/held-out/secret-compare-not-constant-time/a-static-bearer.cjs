// secret-compare-not-constant-time: a CommonJS MCP server checks a static bearer token by string comparison — timing side channel on the shared secret
'use strict';
const http = require('node:http');

const SHARED_TOKEN = process.env.MCP_SHARED_TOKEN;

const server = http.createServer((req, res) => {
  const header = req.headers['authorization'];
  // held-out: secret-compare-not-constant-time
  if (header != `Bearer ${SHARED_TOKEN}`) {
    res.writeHead(401, { 'WWW-Authenticate': 'Bearer' });
    return res.end();
  }
  require('./dispatch.cjs')(req, res);
});

server.listen(process.env.PORT || 8123, '127.0.0.1');
