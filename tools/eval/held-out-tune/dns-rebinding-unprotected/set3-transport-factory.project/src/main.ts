// Entry point of a local MCP server: Express routes using createSessionTransport, listening on every interface
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { createSessionTransport, findSession, type SessionTable } from './transport.js';
import { registerTools } from './tools.js';

const sessions: SessionTable = new Map();
const app = express();
app.use(express.json());

app.post('/mcp', async (req, res) => {
  const existing = findSession(sessions, req.headers['mcp-session-id']);
  if (existing) {
    await existing.handleRequest(req, res, req.body);
    return;
  }
  const transport = createSessionTransport(sessions);
  const server = new McpServer({ name: 'figma-local', version: '0.7.0' });
  registerTools(server);
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.get('/mcp', async (req, res) => {
  const existing = findSession(sessions, req.headers['mcp-session-id']);
  if (!existing) return res.status(400).send('unknown session');
  await existing.handleRequest(req, res);
});

app.listen(3845, () => console.log('figma-local MCP on http://localhost:3845/mcp'));
