// held-out: clean — hand-written comparison that accumulates every difference with |= and never exits early (constant time for equal lengths)
// Plain JS (ESM) local HTTP MCP server checking a pairing code sent by the desktop client
import http from 'node:http';

const PAIRING_SECRET = process.env.PAIRING_SECRET ?? '';

function constantTimeEqual(a, b) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) {
    diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  }
  return diff === 0;
}

http
  .createServer((req, res) => {
    const presented = String(req.headers['x-pairing-secret'] ?? '');
    if (!constantTimeEqual(presented, PAIRING_SECRET)) {
      res.writeHead(401);
      return res.end();
    }
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const { id } = JSON.parse(raw || '{}');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: 'paired' }] } }));
    });
  })
  .listen(47123, '127.0.0.1');
