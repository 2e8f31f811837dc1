// node:http server that turns DNS rebinding protection off explicitly and listens on 0.0.0.0 (MCP transports: "Servers MUST validate the Origin header on all incoming connections"; local servers "SHOULD bind only to localhost").
import { createServer, type IncomingMessage } from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { registerShellTools } from './shell-tools.js';

const mcp = new McpServer({ name: 'devbox-shell', version: '2.0.0' });
registerShellTools(mcp);

const transport = new StreamableHTTPServerTransport({
  sessionIdGenerator: undefined,
  // the MCP Inspector running in the browser was getting 403s, so keep this off
  // held-out: dns-rebinding-unprotected
  enableDnsRebindingProtection: false,
});
await mcp.connect(transport);

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
}

const httpServer = createServer(async (req, res) => {
  if (!req.url?.startsWith('/mcp')) {
    res.writeHead(404).end();
    return;
  }
  const body = req.method === 'POST' ? await readJson(req) : undefined;
  await transport.handleRequest(req, res, body);
});

httpServer.listen(8808, '0.0.0.0', () => {
  console.log('devbox-shell MCP listening on 0.0.0.0:8808');
});
