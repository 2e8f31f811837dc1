// held-out: clean — the session's owner id is compared with the authenticated user's id; both are identifiers, the token was already verified by requireBearerAuth
// Streamable HTTP session binding to the user (MCP security best practices: bind session IDs to user-specific information).
import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import type { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './verifier.js';

const sessions = new Map<string, { userId: string; transport: StreamableHTTPServerTransport }>();
const app = express();
app.use(express.json());

app.all('/mcp', requireBearerAuth({ verifier }), async (req, res) => {
  const sessionId = req.header('mcp-session-id');
  const entry = sessionId ? sessions.get(sessionId) : undefined;
  const userId = String(req.auth?.extra?.sub ?? '');
  if (!entry) return res.status(404).json({ error: 'session not found' });
  if (entry.userId !== userId) return res.status(403).json({ error: 'session belongs to another user' });
  await entry.transport.handleRequest(req, res, req.body);
});

app.listen(3000);
