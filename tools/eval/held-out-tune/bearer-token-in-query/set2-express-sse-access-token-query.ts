// SSE endpoint that authenticates the stream with ?access_token= because EventSource cannot set headers (MCP authorization, access token usage: "Access tokens MUST NOT be included in the URI query string"; RFC 6750 §2.3).
import express from 'express';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { createServerFor } from './server.js';
import { verifyJwt } from './jwt.js';

const app = express();
const transports = new Map<string, SSEServerTransport>();

app.get('/sse', async (req, res) => {
  // held-out: bearer-token-in-query
  const accessToken = typeof req.query.access_token === 'string' ? req.query.access_token : undefined;
  if (!accessToken) {
    res.status(401).json({ error: 'missing access_token' });
    return;
  }
  const claims = await verifyJwt(accessToken).catch(() => undefined);
  if (!claims) {
    res.status(401).json({ error: 'invalid token' });
    return;
  }
  const transport = new SSEServerTransport('/messages', res);
  transports.set(transport.sessionId, transport);
  res.on('close', () => transports.delete(transport.sessionId));
  await createServerFor(claims.sub).connect(transport);
});

app.post('/messages', express.json(), async (req, res) => {
  const transport = transports.get(String(req.query.sessionId));
  if (!transport) return res.status(404).end();
  await transport.handlePostMessage(req, res, req.body);
});

app.listen(3000);
