// SSE endpoint of an MCP server that takes the bearer token from ?token= because EventSource cannot set headers — AUTH: access tokens MUST NOT be in the query string.
import express from 'express';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { createServer } from './server.js';
import { tokenVerifier } from './auth.js';

const app = express();
const transports = new Map<string, SSEServerTransport>();

app.get('/sse', async (req, res) => {
  // held-out: bearer-token-in-query
  const token = req.query.token as string;
  const auth = token ? await tokenVerifier.verifyAccessToken(token).catch(() => null) : null;
  if (!auth) {
    res.status(401).send('Unauthorized');
    return;
  }
  const transport = new SSEServerTransport('/messages', res);
  transports.set(transport.sessionId, transport);
  await createServer(auth).connect(transport);
});

app.post('/messages', express.json(), async (req, res) => {
  const transport = transports.get(String(req.query.sessionId));
  if (!transport) return res.sendStatus(404);
  await transport.handlePostMessage(req, res, req.body);
});

app.listen(3000, '127.0.0.1');
