// ESM hand-rolled Streamable HTTP endpoint (JSON-RPC over POST /mcp, no SDK transport) on 127.0.0.1 that never looks at Origin or Host — spec (Streamable HTTP): "Servers MUST validate the Origin header on all incoming connections to prevent DNS rebinding attacks."
import { createServer } from 'node:http';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

const tools = {
  git_status: {
    description: 'git status of the workspace',
    inputSchema: { type: 'object', properties: {} },
    async call() {
      const { stdout } = await run('git', ['status', '--short'], { cwd: process.env.WORKSPACE });
      return { content: [{ type: 'text', text: stdout }] };
    },
  },
};

async function dispatch(msg) {
  switch (msg.method) {
    case 'initialize':
      return { protocolVersion: '2025-11-25', capabilities: { tools: {} }, serverInfo: { name: 'git-local', version: '0.0.4' } };
    case 'tools/list':
      return { tools: Object.entries(tools).map(([name, t]) => ({ name, description: t.description, inputSchema: t.inputSchema })) };
    case 'tools/call':
      return tools[msg.params.name].call(msg.params.arguments);
    default:
      throw Object.assign(new Error('Method not found'), { code: -32601 });
  }
}

// held-out: dns-rebinding-unprotected
const server = createServer(async (req, res) => {
  if (req.method !== 'POST' || req.url !== '/mcp') {
    res.writeHead(405, { Allow: 'POST' }).end();
    return;
  }
  let raw = '';
  for await (const chunk of req) raw += chunk;
  const msg = JSON.parse(raw);
  if (msg.id === undefined) {
    res.writeHead(202).end();
    return;
  }
  try {
    const result = await dispatch(msg);
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id: msg.id, result }));
  } catch (e) {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id: msg.id, error: { code: e.code ?? -32603, message: e.message } }));
  }
});

server.listen(7331, '127.0.0.1');
