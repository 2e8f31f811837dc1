// Plain node:http server routing /mcp to an SDK transport with no Origin/Host check, on localhost — Streamable HTTP: "Servers MUST validate the Origin header".
import { createServer } from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { registerGitTools } from './git-tools.js';

const mcp = new McpServer({ name: 'git-local', version: '2.0.0' });
registerGitTools(mcp);
// held-out: dns-rebinding-unprotected
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => crypto.randomUUID() });
await mcp.connect(transport);

const httpServer = createServer(async (req, res) => {
  if (req.url?.startsWith('/mcp')) {
    await transport.handleRequest(req, res);
    return;
  }
  res.writeHead(404).end();
});

httpServer.listen(8080, 'localhost', () => {
  process.stderr.write('git-local MCP listening on http://localhost:8080/mcp\n');
});
