// secret-compare-not-constant-time: an MCP endpoint's API-key middleware compares the x-api-key header with === — SEC token handling; timing side channel on secret comparison
import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { server } from './mcp.js';

const API_KEY = process.env.MCP_API_KEY ?? '';
const app = express();
app.use(express.json());

app.use('/mcp', (req, res, next) => {
  const provided = req.header('x-api-key');
  // held-out: secret-compare-not-constant-time
  if (provided && provided === API_KEY) return next();
  res.status(401).json({ error: 'unauthorized' });
});

app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(3000, '127.0.0.1');
