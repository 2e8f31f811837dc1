// held-out: clean — sessionId in the /messages query only routes to a transport; authentication is the Authorization header checked by requireBearerAuth
// Legacy SSE MCP server (SDK SSEServerTransport) with bearer auth middleware and session routing by query
import express from 'express';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { createMcpServer } from './server.js';
import { verifier } from './verifier.js';

const app = express();
const auth = requireBearerAuth({ verifier, requiredScopes: ['mcp'] });
const sessions = new Map();

app.get('/sse', auth, async (req, res) => {
  const transport = new SSEServerTransport('/messages', res);
  sessions.set(transport.sessionId, { transport, clientId: req.auth.clientId });
  res.on('close', () => sessions.delete(transport.sessionId));
  await createMcpServer().connect(transport);
});

app.post('/messages', auth, async (req, res) => {
  const sessionId = String(req.query.sessionId || '');
  const session = sessions.get(sessionId);
  if (!session || session.clientId !== req.auth.clientId) {
    res.status(404).json({ error: 'session not found' });
    return;
  }
  await session.transport.handlePostMessage(req, res);
});

app.listen(3002, '127.0.0.1');
