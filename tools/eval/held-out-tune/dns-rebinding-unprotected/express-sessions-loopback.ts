// Stateful Express MCP server bound to 127.0.0.1 without Origin/Host validation: loopback alone does not stop DNS rebinding — Streamable HTTP security warning (Origin MUST).
import express, { type Request, type Response } from 'express';
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { registerShellTools } from './tools.js';

const transports: Record<string, StreamableHTTPServerTransport> = {};
const app = express();
app.use(express.json({ limit: '4mb' }));

app.post('/mcp', async (req: Request, res: Response) => {
  const sessionId = req.header('mcp-session-id');
  let transport = sessionId ? transports[sessionId] : undefined;
  if (!transport && isInitializeRequest(req.body)) {
    // held-out: dns-rebinding-unprotected
    transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        transports[id] = transport!;
      },
    });
    transport.onclose = () => {
      if (transport?.sessionId) delete transports[transport.sessionId];
    };
    const server = new McpServer({ name: 'dev-shell', version: '1.0.0' });
    registerShellTools(server);
    await server.connect(transport);
  }
  if (!transport) return res.status(400).json({ jsonrpc: '2.0', error: { code: -32000, message: 'No valid session' }, id: null });
  await transport.handleRequest(req, res, req.body);
});

const handleSession = async (req: Request, res: Response) => {
  const transport = transports[req.header('mcp-session-id') ?? ''];
  if (!transport) return res.status(400).send('Invalid or missing session ID');
  await transport.handleRequest(req, res);
};
app.get('/mcp', handleSession);
app.delete('/mcp', handleSession);

app.listen(8765, '127.0.0.1');
