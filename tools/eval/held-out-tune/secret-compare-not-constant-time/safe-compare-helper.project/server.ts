// Streamable HTTP MCP server (Express) checking its API key through safeCompare from crypto-utils.ts; CWE-208.
import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { safeCompare } from './crypto-utils.js';
import { createMcpServer } from './mcp.js';

const app = express();
app.use(express.json());

app.post('/mcp', async (req, res) => {
  if (!safeCompare(req.get('x-api-key'), process.env.MCP_API_KEY)) {
    return res.status(401).json({ jsonrpc: '2.0', error: { code: -32001, message: 'Unauthorized' }, id: null });
  }
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => transport.close());
  await createMcpServer().connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(3000, '127.0.0.1');
