// held-out: clean — the app comes from the SDK's createMcpExpressApp(), which validates Host for its default 127.0.0.1 bind
// Streamable HTTP server built on the SDK helper; the transport itself carries no flag because the app-level middleware already rejects foreign Host headers.
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

const app = createMcpExpressApp();

app.post('/mcp', async (req, res) => {
  const server = new McpServer({ name: 'unit-converter', version: '1.0.2' });
  server.tool('convert', { value: z.number(), from: z.string(), to: z.string() }, async ({ value, from, to }) => ({
    content: [{ type: 'text', text: `${value} ${from} -> ${to}` }],
  }));
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => transport.close());
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(3000, '127.0.0.1', () => console.log('unit-converter on http://127.0.0.1:3000/mcp'));
