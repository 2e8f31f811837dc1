// Express MCP server: the admin-only tools endpoint sits behind requireAdmin from auth.ts
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { PORT } from './config.js';
import { requireAdmin } from './auth.js';

const server = new McpServer({ name: 'feature-flags-admin', version: '1.0.0' });
server.tool('set_flag', 'Turn a feature flag on or off', { flag: z.string(), enabled: z.boolean() }, async ({ flag, enabled }) => ({
  content: [{ type: 'text', text: `${flag} -> ${enabled}` }],
}));

const app = express();
app.use(express.json());
app.post('/admin/mcp', requireAdmin, async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(PORT, '127.0.0.1');
