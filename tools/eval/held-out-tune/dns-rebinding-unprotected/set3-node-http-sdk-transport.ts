// node:http server handing requests to the SDK's StreamableHTTPServerTransport on localhost, no Origin check — Streamable HTTP transport: "Servers MUST validate the Origin header on all incoming connections"
import { createServer, type IncomingMessage } from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
}

const mcp = new McpServer({ name: 'obsidian-vault', version: '2.0.0' });
mcp.resource('vault', 'vault://index', async (uri) => ({ contents: [{ uri: uri.href, text: 'index' }] }));

// held-out: dns-rebinding-unprotected
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => crypto.randomUUID() });
await mcp.connect(transport);

const httpServer = createServer(async (req, res) => {
  if (!req.url?.startsWith('/mcp')) {
    res.writeHead(404).end();
    return;
  }
  try {
    const body = req.method === 'POST' ? await readJson(req) : undefined;
    await transport.handleRequest(req, res, body);
  } catch (error) {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: String(error) }));
  }
});

httpServer.listen(27124, 'localhost', () => {
  console.error('obsidian-vault MCP listening on http://localhost:27124/mcp');
});
