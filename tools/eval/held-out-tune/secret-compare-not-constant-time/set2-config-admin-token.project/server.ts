// MCP server with admin tools behind requireAdmin from auth.ts.
import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireAdmin } from './auth.js';
import { LISTEN_PORT } from './config.js';
import { adminServer } from './admin-tools.js';

const app = express();
app.use(express.json());

app.post('/admin/mcp', requireAdmin, async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await adminServer().connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(LISTEN_PORT, '127.0.0.1');
