// Stateful Streamable HTTP MCP server (express) that keeps each session's incoming Authorization header next to its transport and replays it to a Zendesk API from a tool — MCP 2026-07-28 security considerations, token passthrough.
import express from 'express';
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

interface Session {
  transport: StreamableHTTPServerTransport;
  upstreamAuth: string;
}

const sessions = new Map<string, Session>();
const ZENDESK = `https://${process.env.ZENDESK_SUBDOMAIN}.zendesk.com/api/v2`;

function createServer() {
  const server = new McpServer({ name: 'zendesk', version: '1.1.0' });
  server.tool('ticket', { id: z.number() }, async ({ id }, extra) => {
    const session = sessions.get(extra.sessionId ?? '');
    if (!session) throw new Error('no session');
    const res = await fetch(`${ZENDESK}/tickets/${id}.json`, {
      // held-out: token-passthrough
      headers: { Authorization: session.upstreamAuth },
    });
    return { content: [{ type: 'text', text: await res.text() }] };
  });
  return server;
}

const app = express();
app.use(express.json());

app.post('/mcp', async (req, res) => {
  const sessionId = req.header('mcp-session-id');
  const existing = sessionId ? sessions.get(sessionId) : undefined;
  if (existing) return existing.transport.handleRequest(req, res, req.body);
  if (!isInitializeRequest(req.body) || !req.headers.authorization) return res.status(400).end();

  const authorization = req.headers.authorization;
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    onsessioninitialized: (id) => sessions.set(id, { transport, upstreamAuth: authorization }),
  });
  await createServer().connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(3000);
