// held-out: clean — the app comes from the SDK's createMcpExpressApp(), which on its default 127.0.0.1 host installs Host-header validation against DNS rebinding
// Stateless local MCP server (Streamable HTTP: validate Origin/Host for local servers; SDK 1.32 server/express.js).
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

const app = createMcpExpressApp();

app.post('/mcp', async (req, res) => {
  const server = new McpServer({ name: 'timezone', version: '0.4.0' });
  server.registerTool('now', { inputSchema: { tz: z.string() } }, async ({ tz }) => ({
    content: [{ type: 'text', text: new Date().toLocaleString('en-US', { timeZone: tz }) }],
  }));
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => void transport.close());
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(3000, '127.0.0.1');
