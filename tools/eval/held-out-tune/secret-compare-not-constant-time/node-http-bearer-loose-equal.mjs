// node:http Streamable HTTP MCP server extracting the bearer token and comparing it with the configured token by !=; CWE-208.
import http from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { buildServer } from './server.mjs';

const EXPECTED_TOKEN = process.env.MCP_BEARER_TOKEN;

const httpServer = http.createServer(async (req, res) => {
  const [scheme, token] = (req.headers.authorization ?? '').split(' ');
  // held-out: secret-compare-not-constant-time
  if (scheme !== 'Bearer' || token != EXPECTED_TOKEN) {
    res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="mcp"' }).end();
    return;
  }
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  const server = buildServer();
  await server.connect(transport);
  await transport.handleRequest(req, res);
});

httpServer.listen(Number(process.env.PORT ?? 3001), '127.0.0.1');
