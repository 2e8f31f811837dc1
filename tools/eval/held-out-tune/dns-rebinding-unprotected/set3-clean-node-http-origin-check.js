// held-out: clean — the hand-written node:http MCP server refuses any request with a foreign Origin or a non-loopback Host before dispatching
// MCP JSON-RPC server without the SDK, validating Origin and Host on every incoming connection
import http from 'node:http';

const PORT = 5152;
const LOOPBACK = new Set([`127.0.0.1:${PORT}`, `localhost:${PORT}`]);

function isAllowed(req) {
  if (!LOOPBACK.has(req.headers.host ?? '')) return false;
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://localhost:${PORT}` || origin === `http://127.0.0.1:${PORT}`;
}

async function dispatch(message) {
  if (message.method === 'initialize') {
    return { protocolVersion: '2025-06-18', capabilities: { tools: {} }, serverInfo: { name: 'tiny-time', version: '1.0.0' } };
  }
  if (message.method === 'tools/list') return { tools: [{ name: 'now', inputSchema: { type: 'object' } }] };
  if (message.method === 'tools/call') return { content: [{ type: 'text', text: new Date().toISOString() }] };
  throw Object.assign(new Error('Method not found'), { code: -32601 });
}

const server = http.createServer(async (req, res) => {
  if (!isAllowed(req)) {
    res.writeHead(403, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32000, message: 'Forbidden' } }));
    return;
  }
  let raw = '';
  for await (const chunk of req) raw += chunk;
  const message = JSON.parse(raw);
  try {
    const result = await dispatch(message);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ jsonrpc: '2.0', id: message.id, result }));
  } catch (err) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ jsonrpc: '2.0', id: message.id, error: { code: err.code ?? -32603, message: err.message } }));
  }
});

server.listen(PORT, '127.0.0.1');
