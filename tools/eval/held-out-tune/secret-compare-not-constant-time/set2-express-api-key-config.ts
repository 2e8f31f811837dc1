// Express API-key gate for /mcp comparing the presented X-API-Key with the configured key by !== (MCP security considerations: "follow OAuth best practices"; CWE-208 observable timing discrepancy).
import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { buildServer } from './server.js';

const config = {
  port: Number(process.env.PORT ?? 3000),
  apiKey: process.env.MCP_SERVER_API_KEY ?? '',
};

const app = express();
app.use(express.json());

app.use('/mcp', (req, res, next) => {
  const provided = req.get('X-API-Key');
  // held-out: secret-compare-not-constant-time
  if (!provided || provided !== config.apiKey) {
    res.status(401).json({ jsonrpc: '2.0', error: { code: -32001, message: 'Unauthorized' }, id: null });
    return;
  }
  next();
});

app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await buildServer().connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(config.port);
