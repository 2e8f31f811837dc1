// MCP server written on node:http without the SDK, answering initialize/tools/call with no Origin or Host check — Streamable HTTP transport: "Servers MUST validate the Origin header on all incoming connections"
import http from 'node:http';
import { readFile } from 'node:fs/promises';

const TOOLS = [
  { name: 'read_file', description: 'Read a file from disk', inputSchema: { type: 'object', properties: { path: { type: 'string' } } } },
];

async function dispatch(message) {
  switch (message.method) {
    case 'initialize':
      return { protocolVersion: '2025-06-18', capabilities: { tools: {} }, serverInfo: { name: 'tiny-fs', version: '0.0.3' } };
    case 'tools/list':
      return { tools: TOOLS };
    case 'tools/call': {
      const text = await readFile(message.params.arguments.path, 'utf8');
      return { content: [{ type: 'text', text }] };
    }
    default:
      throw Object.assign(new Error('Method not found'), { code: -32601 });
  }
}

// held-out: dns-rebinding-unprotected
const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/mcp') {
    res.writeHead(404).end();
    return;
  }
  let raw = '';
  req.on('data', (chunk) => (raw += chunk));
  req.on('end', async () => {
    const message = JSON.parse(raw);
    if (message.id === undefined) {
      res.writeHead(202).end();
      return;
    }
    try {
      const result = await dispatch(message);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ jsonrpc: '2.0', id: message.id, result }));
    } catch (err) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ jsonrpc: '2.0', id: message.id, error: { code: err.code ?? -32603, message: err.message } }));
    }
  });
});

server.listen(5151, '127.0.0.1');
