// Entry point of the same MCP server: a node:http server on 0.0.0.0 that routes /mcp requests to transports from transport.ts, without any Host or Origin check.
import { createServer, type IncomingMessage } from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { createSessionTransport, sessions } from './transport.js';
import { registerDbTools } from './db-tools.js';

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
  const sid = req.headers['mcp-session-id'];
  const existing = typeof sid === 'string' ? sessions.get(sid) : undefined;
  const body = req.method === 'POST' ? await readJson(req) : undefined;
  if (existing) {
    await existing.handleRequest(req, res, body);
    return;
  }
  const transport = createSessionTransport();
  const server = new McpServer({ name: 'sqlite-explorer', version: '0.6.0' });
  registerDbTools(server, process.env.DB_PATH ?? './data.db');
  await server.connect(transport);
  await transport.handleRequest(req, res, body);
});

httpServer.listen(Number(process.env.PORT ?? 3005), '0.0.0.0');
