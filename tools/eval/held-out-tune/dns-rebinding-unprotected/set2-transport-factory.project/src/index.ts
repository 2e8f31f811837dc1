// Entry point: express app on localhost that uses the factory from transport.ts and adds no Host/Origin check of its own.
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { createSessionTransport, type SessionTable } from './transport.js';
import { registerSlackTools } from './tools/slack.js';

const sessions: SessionTable = new Map();
const app = express();
app.use(express.json());

app.post('/mcp', async (req, res) => {
  const sessionId = req.headers['mcp-session-id'] as string | undefined;
  let transport = sessionId ? sessions.get(sessionId) : undefined;
  if (!transport) {
    transport = createSessionTransport(sessions);
    const server = new McpServer({ name: 'slack-desk', version: '2.3.0' });
    registerSlackTools(server);
    await server.connect(transport);
  }
  await transport.handleRequest(req, res, req.body);
});

app.get('/mcp', async (req, res) => {
  const transport = sessions.get(String(req.headers['mcp-session-id']));
  if (!transport) return res.status(400).end();
  await transport.handleRequest(req, res);
});

const port = parseInt(process.env.SLACK_DESK_PORT ?? '3100', 10);
app.listen(port, 'localhost', () => console.log(`slack-desk listening on localhost:${port}`));
