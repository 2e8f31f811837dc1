// held-out: clean — MCP traffic goes over stdio only; the HTTP listener serves a fixed health response and never reaches an MCP transport.
// ESM MCP server launched by a desktop client over stdio, with a tiny health endpoint for the supervisor.
import http from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { registerSearchTools } from './search.js';

const server = new McpServer({ name: 'local-search', version: '3.1.0' });
registerSearchTools(server);
await server.connect(new StdioServerTransport());

http
  .createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    res.writeHead(404).end();
  })
  .listen(Number(process.env.HEALTH_PORT ?? 9464), '127.0.0.1');
