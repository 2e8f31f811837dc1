// Stateless Streamable HTTP server on express, bound to every interface, no Origin/Host check (MCP transports, Streamable HTTP security warning: "Servers MUST validate the Origin header on all incoming connections").
import express, { type Request, type Response } from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

function buildServer(): McpServer {
  const server = new McpServer({ name: 'notes', version: '0.4.1' });
  server.tool('search_notes', { query: z.string() }, async ({ query }) => ({
    content: [{ type: 'text', text: `no notes match ${query}` }],
  }));
  return server;
}

const app = express();
app.use(express.json({ limit: '4mb' }));

app.post('/mcp', async (req: Request, res: Response) => {
  const server = buildServer();
  // held-out: dns-rebinding-unprotected
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => {
    transport.close();
    server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.get('/mcp', (_req, res) => res.status(405).json({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed.' }, id: null }));

const port = Number(process.env.PORT ?? 3001);
app.listen(port, () => {
  console.log(`notes MCP server listening on :${port}`);
});
