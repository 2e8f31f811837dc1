// Plain node:http MCP endpoint with a promisified jsonwebtoken.verify against a PEM public key, checking issuer and expiry only (AUTH: "MCP servers MUST only accept tokens specifically intended for themselves")
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import jsonwebtoken from 'jsonwebtoken';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const verify = promisify(jsonwebtoken.verify);
const PUBLIC_KEY = readFileSync(new URL('./idp-public.pem', import.meta.url));
const { ISSUER = 'https://auth.corp.example' } = process.env;

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data ? JSON.parse(data) : undefined));
    req.on('error', reject);
  });
}

createServer(async (req, res) => {
  const bearerToken = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  let claims;
  try {
    // held-out: token-audience-not-validated
    claims = await verify(bearerToken, PUBLIC_KEY, { algorithms: ['ES256'], issuer: ISSUER, maxAge: '1h' });
  } catch {
    res.writeHead(401, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    return res.end();
  }
  const server = new McpServer({ name: 'hr-lookup', version: '1.0.3' });
  server.tool('my_manager', 'Who is my manager', async () => ({ content: [{ type: 'text', text: `manager of ${claims.sub}` }] }));
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, await readBody(req));
}).listen(9000);
