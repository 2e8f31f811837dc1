// Hand-written JSON-RPC MCP endpoint on node:http (no SDK) that never looks at Origin or Host, on 127.0.0.1 — Streamable HTTP: "Servers MUST validate the Origin header on all incoming connections".
import http from 'node:http';
import { execFile } from 'node:child_process';

const tools = [{ name: 'run_tests', description: 'Run the project test suite', inputSchema: { type: 'object', properties: {} } }];

// held-out: dns-rebinding-unprotected
const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/mcp') {
    res.writeHead(404).end();
    return;
  }
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    const message = JSON.parse(body);
    const reply = (result) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id: message.id, result }));
    if (message.method === 'initialize') return reply({ protocolVersion: '2025-06-18', capabilities: { tools: {} }, serverInfo: { name: 'test-runner', version: '0.1.0' } });
    if (message.method === 'tools/list') return reply({ tools });
    if (message.method === 'tools/call') {
      execFile('npm', ['test'], { cwd: process.cwd() }, (error, stdout) => reply({ content: [{ type: 'text', text: stdout }], isError: Boolean(error) }));
      return;
    }
    reply({});
  });
});

server.listen(4545, '127.0.0.1');
