// held-out: clean — the legacy SSE transport's POST endpoint takes ?sessionId=, a routing id; authentication is the bearer header checked by requireBearerAuth
// express + SSEServerTransport behind the SDK's bearer middleware (MCP authorization: tokens in the Authorization header only).
import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { tokenVerifier } from './verifier.js';
import { buildServer } from './server.js';

const app = express();
const auth = requireBearerAuth({ verifier: tokenVerifier });
const sessions = new Map();

app.get('/sse', auth, async (req, res) => {
  const transport = new SSEServerTransport('/messages', res);
  sessions.set(transport.sessionId, { transport, clientId: req.auth.clientId });
  res.on('close', () => sessions.delete(transport.sessionId));
  await buildServer().connect(transport);
});

app.post('/messages', auth, async (req, res) => {
  const sessionId = req.query.sessionId;
  const entry = sessions.get(sessionId);
  if (!entry || entry.clientId !== req.auth.clientId) return res.status(404).send('session not found');
  await entry.transport.handlePostMessage(req, res);
});

app.listen(3000);
