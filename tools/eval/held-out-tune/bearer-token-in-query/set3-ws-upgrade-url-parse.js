// WebSocket MCP transport that authenticates the upgrade request from url.parse(req.url, true).query.token — MCP authorization: "Access tokens MUST NOT be included in the URI query string"
const http = require('http');
const url = require('url');
const { WebSocketServer } = require('ws');
const { verifyJwt } = require('./jwt');
const { attachMcp } = require('./mcp');

const server = http.createServer((req, res) => {
  res.writeHead(426, { 'content-type': 'text/plain' });
  res.end('Upgrade required');
});
const wss = new WebSocketServer({ noServer: true });

server.on('upgrade', async (req, socket, head) => {
  const { pathname, query } = url.parse(req.url, true);
  if (pathname !== '/mcp') {
    socket.destroy();
    return;
  }
  let claims;
  try {
    // held-out: bearer-token-in-query
    claims = await verifyJwt(query.token);
  } catch (err) {
    socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
    socket.destroy();
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => {
    attachMcp(ws, claims);
  });
});

server.listen(7070);
