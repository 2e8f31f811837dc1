// MCP server that authenticates with safeEqual() from util.js.
import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { parseBearer, safeEqual } from './util.js';
import { makeServer } from './make-server.js';

const app = express();
app.use(express.json());

app.use('/mcp', (req, res, next) => {
  const token = parseBearer(req.headers.authorization);
  if (!safeEqual(token, process.env.MCP_BEARER_TOKEN)) return res.status(401).end();
  next();
});

app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await makeServer().connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(3000);
