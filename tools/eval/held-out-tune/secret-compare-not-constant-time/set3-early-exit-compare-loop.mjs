// Hand-written "safe" comparison for an MCP server's access key that returns at the first differing character — still a timing oracle (CWE-208)
import http from 'node:http';

const ACCESS_KEY = process.env.MCP_ACCESS_KEY ?? '';

function safeCompare(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    // held-out: secret-compare-not-constant-time
    if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  }
  return true;
}

function keyFrom(req) {
  const header = req.headers['authorization'];
  if (header?.startsWith('Bearer ')) return header.slice(7);
  return req.headers['x-mcp-key'] ?? '';
}

const tools = [{ name: 'ping', description: 'Health check', inputSchema: { type: 'object', properties: {} } }];

http
  .createServer((req, res) => {
    if (!safeCompare(keyFrom(req), ACCESS_KEY)) {
      res.writeHead(401, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: 'unauthorized' }));
    }
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const msg = JSON.parse(raw || '{}');
      const result = msg.method === 'tools/list' ? { tools } : { content: [{ type: 'text', text: 'pong' }] };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ jsonrpc: '2.0', id: msg.id, result }));
    });
  })
  .listen(8765, '127.0.0.1');
