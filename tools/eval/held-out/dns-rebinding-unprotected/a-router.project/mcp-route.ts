// Router handling POST/GET/DELETE /mcp with one transport per session.
import { Router } from 'express';
import { randomUUID } from 'node:crypto';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createFigmaServer } from './tools.js';

export const mcpRouter = Router();
const live = new Map<string, StreamableHTTPServerTransport>();

mcpRouter.post('/', async (req, res) => {
  const existing = live.get(String(req.headers['mcp-session-id']));
  if (existing) return existing.handleRequest(req, res, req.body);
  // held-out: dns-rebinding-unprotected
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: randomUUID, onsessioninitialized: (sid) => void live.set(sid, transport) });
  transport.onclose = () => transport.sessionId && live.delete(transport.sessionId);
  await createFigmaServer().connect(transport);
  await transport.handleRequest(req, res, req.body);
});

mcpRouter.get('/', async (req, res) => {
  const t = live.get(String(req.headers['mcp-session-id']));
  if (!t) return res.status(400).send('unknown session');
  await t.handleRequest(req, res);
});

mcpRouter.delete('/', async (req, res) => {
  const t = live.get(String(req.headers['mcp-session-id']));
  if (!t) return res.status(404).end();
  await t.handleRequest(req, res);
});
