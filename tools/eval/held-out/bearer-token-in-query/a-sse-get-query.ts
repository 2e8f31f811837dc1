// bearer-token-in-query: the GET (SSE stream) branch takes the token from ?token= because EventSource cannot set headers — AUTH "Access tokens MUST NOT be included in the URI query string"
import express from 'express';
import { randomUUID } from 'node:crypto';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './verifier.js';
import { buildServer } from './server.js';

const app = express();
app.use(express.json());
const transports = new Map<string, StreamableHTTPServerTransport>();

app.get('/mcp', async (req, res) => {
  // held-out: bearer-token-in-query
  const streamToken = String(req.query.token ?? '');
  try {
    req.auth = await verifier.verifyAccessToken(streamToken);
  } catch {
    return res.status(401).end();
  }
  const transport = transports.get(String(req.headers['mcp-session-id']));
  if (!transport) return res.status(404).end();
  await transport.handleRequest(req, res);
});

app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: randomUUID, onsessioninitialized: (id) => void transports.set(id, transport) });
  await buildServer().connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(3000);
