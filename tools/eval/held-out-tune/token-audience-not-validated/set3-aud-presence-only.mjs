// Node ESM MCP server that "checks" the audience claim only for presence: any token naming any audience passes (SEC: "MUST reject tokens that do not include them in the audience claim")
import http from 'node:http';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const ISSUER = process.env.ISSUER_URL;
const RESOURCE = process.env.RESOURCE_URL ?? 'https://mcp.example.com/mcp';
const keySet = createRemoteJWKSet(new URL(`${ISSUER}/jwks`));

async function authenticate(req) {
  const auth = req.headers.authorization;
  if (!auth || !auth.startsWith('Bearer ')) return null;
  const { payload } = await jwtVerify(auth.substring(7), keySet, { issuer: ISSUER });
  // held-out: token-audience-not-validated
  if (!payload.aud) throw new Error('token has no audience');
  return payload;
}

const server = new McpServer({ name: 'files', version: '0.2.0' });
server.tool('list_files', 'List the caller’s files', async () => ({ content: [{ type: 'text', text: '[]' }] }));
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
await server.connect(transport);

http
  .createServer(async (req, res) => {
    if (!req.url?.startsWith('/mcp')) {
      res.writeHead(404).end();
      return;
    }
    try {
      const claims = await authenticate(req);
      if (!claims) {
        res.writeHead(401, { 'WWW-Authenticate': `Bearer resource_metadata="${new URL('/.well-known/oauth-protected-resource', RESOURCE)}"` }).end();
        return;
      }
      await transport.handleRequest(req, res);
    } catch (err) {
      res.writeHead(401, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'invalid_token', error_description: String(err) }));
    }
  })
  .listen(3333, '127.0.0.1');
