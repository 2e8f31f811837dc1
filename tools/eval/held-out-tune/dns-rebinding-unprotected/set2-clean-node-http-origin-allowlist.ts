// held-out: clean — every request's Origin is checked against a local allow-list and answered 403 when present and foreign, and Host must be a loopback name
// node:http server doing by hand what the MCP transports section requires before handing the request to the Streamable HTTP transport.
import { createServer } from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { registerDockerTools } from './docker.js';

const PORT = 7070;
const ALLOWED_ORIGINS = new Set([`http://localhost:${PORT}`, `http://127.0.0.1:${PORT}`]);
const ALLOWED_HOSTS = new Set([`localhost:${PORT}`, `127.0.0.1:${PORT}`]);

const mcp = new McpServer({ name: 'docker-local', version: '1.1.0' });
registerDockerTools(mcp);
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
await mcp.connect(transport);

createServer(async (req, res) => {
  const origin = req.headers.origin;
  if (origin !== undefined && !ALLOWED_ORIGINS.has(origin)) {
    res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden origin');
    return;
  }
  if (!ALLOWED_HOSTS.has(req.headers.host ?? '')) {
    res.writeHead(403).end('Forbidden host');
    return;
  }
  await transport.handleRequest(req, res);
}).listen(PORT, '127.0.0.1');
