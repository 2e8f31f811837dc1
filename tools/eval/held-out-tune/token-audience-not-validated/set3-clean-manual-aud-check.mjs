// held-out: clean — jwtVerify is called without an audience option, but the aud claim is compared with the server's resource URL right after (near-miss)
// node:http MCP server that normalises aud to an array and rejects tokens not issued for it (SEC: "MUST reject tokens that do not include them in the audience claim")
import http from 'node:http';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

const ISSUER = process.env.ISSUER_URL;
const RESOURCE = process.env.RESOURCE_URL ?? 'https://files.example.com/mcp';
const keySet = createRemoteJWKSet(new URL(`${ISSUER}/jwks`));

class AuthError extends Error {}

async function authenticate(req) {
  const auth = req.headers.authorization ?? '';
  if (!auth.startsWith('Bearer ')) throw new AuthError('missing bearer token');
  const { payload } = await jwtVerify(auth.substring(7), keySet, { issuer: ISSUER });
  const audience = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audience.includes(RESOURCE)) {
    throw new AuthError(`token audience ${audience.join(',')} does not include ${RESOURCE}`);
  }
  return payload;
}

const server = new McpServer({ name: 'files', version: '0.3.0' });
server.tool('list_files', 'List files', async () => ({ content: [{ type: 'text', text: '[]' }] }));
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
await server.connect(transport);

http
  .createServer(async (req, res) => {
    try {
      await authenticate(req);
    } catch (err) {
      res.writeHead(401, { 'WWW-Authenticate': 'Bearer error="invalid_token"' }).end(String(err.message));
      return;
    }
    await transport.handleRequest(req, res);
  })
  .listen(3333, '127.0.0.1');
