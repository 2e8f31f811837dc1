// CommonJS node:http MCP bridge that relays each JSON-RPC tool call to a REST backend with https.request, reusing the client's Authorization header (SEC: "MUST NOT pass through the token it received from the MCP client"; AUTH: "MUST NOT accept or transit any other tokens")
'use strict';

const http = require('node:http');
const https = require('node:https');

const BACKEND_HOST = process.env.BACKEND_HOST || 'api.timesheets.example.com';

function callBackend(method, path, incomingHeaders, payload) {
  return new Promise((resolve, reject) => {
    const body = payload ? JSON.stringify(payload) : undefined;
    const request = https.request(
      {
        host: BACKEND_HOST,
        path,
        method,
        headers: {
          'content-type': 'application/json',
          // held-out: token-passthrough
          authorization: incomingHeaders.authorization,
        },
      },
      (response) => {
        let data = '';
        response.on('data', (chunk) => (data += chunk));
        response.on('end', () => resolve({ status: response.statusCode, json: data ? JSON.parse(data) : null }));
      },
    );
    request.on('error', reject);
    if (body) request.write(body);
    request.end();
  });
}

const tools = {
  async log_hours(args, headers) {
    return callBackend('POST', '/entries', headers, { project: args.project, hours: args.hours });
  },
  async my_week(_args, headers) {
    return callBackend('GET', '/entries?range=week', headers);
  },
};

http
  .createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', async () => {
      const rpc = JSON.parse(raw || '{}');
      if (rpc.method !== 'tools/call' || !tools[rpc.params?.name]) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ jsonrpc: '2.0', id: rpc.id, error: { code: -32601, message: 'unsupported' } }));
      }
      const result = await tools[rpc.params.name](rpc.params.arguments || {}, req.headers);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ jsonrpc: '2.0', id: rpc.id, result: { content: [{ type: 'text', text: JSON.stringify(result.json) }] } }));
    });
  })
  .listen(process.env.PORT || 3100);
