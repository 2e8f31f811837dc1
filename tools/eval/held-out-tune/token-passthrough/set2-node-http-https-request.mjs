// Bare node:http MCP endpoint that destructures the authorization header and sends it to an upstream HR API with https.request — MCP 2026-07-28 authorization, token handling.
import http from 'node:http';
import https from 'node:https';

function callUpstream(path, authorization) {
  return new Promise((resolve, reject) => {
    const upstream = https.request(
      // held-out: token-passthrough
      { hostname: 'hr-api.example.org', path, method: 'GET', headers: { Authorization: authorization, Accept: 'application/json' } },
      (res) => {
        let raw = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (raw += chunk));
        res.on('end', () => (res.statusCode < 400 ? resolve(JSON.parse(raw)) : reject(new Error(`upstream ${res.statusCode}`))));
      },
    );
    upstream.on('error', reject);
    upstream.end();
  });
}

const server = http.createServer(async (req, res) => {
  const { authorization } = req.headers;
  if (!authorization) {
    res.writeHead(401, { 'WWW-Authenticate': 'Bearer resource_metadata="http://127.0.0.1:8808/.well-known/oauth-protected-resource"' });
    return res.end();
  }
  let body = '';
  for await (const chunk of req) body += chunk;
  const rpc = JSON.parse(body);
  try {
    const employee = await callUpstream(`/v1/employees/${encodeURIComponent(rpc.params.arguments.employeeId)}`, authorization);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ jsonrpc: '2.0', id: rpc.id, result: { content: [{ type: 'text', text: JSON.stringify(employee) }] } }));
  } catch (err) {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ jsonrpc: '2.0', id: rpc.id, result: { isError: true, content: [{ type: 'text', text: String(err) }] } }));
  }
});

server.listen(8808, '127.0.0.1');
