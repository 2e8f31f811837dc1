// token-passthrough: MCP server whose inventory tool reaches upstream.ts, which re-sends the caller's bearer token — SEC "The MCP server MUST NOT pass through the token it received from the MCP client."
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { captureContext } from './context.js';
import { upstreamGet } from './upstream.js';

const mcp = new McpServer({ name: 'inventory', version: '1.0.0' });
mcp.registerTool('stock_level', { inputSchema: { sku: z.string() } }, async ({ sku }) => ({
  content: [{ type: 'text', text: JSON.stringify(await upstreamGet(`/stock/${encodeURIComponent(sku)}`)) }],
}));

const app = express();
app.use(express.json(), captureContext);
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => transport.close());
  await mcp.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000);
