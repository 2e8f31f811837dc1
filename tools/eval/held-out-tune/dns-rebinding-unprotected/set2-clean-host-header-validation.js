// held-out: clean — hostHeaderValidation() from the SDK rejects requests whose Host is not a local name before any MCP route runs
// express + legacy SSE transport (JS) protected by the SDK's Host allow-list middleware (MCP transports: DNS rebinding defence).
import express from 'express';
import { hostHeaderValidation } from '@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { registerSpotifyTools } from './spotify.js';

const app = express();
app.use(hostHeaderValidation(['localhost', '127.0.0.1', '[::1]']));

const streams = new Map();

app.get('/sse', async (_req, res) => {
  const transport = new SSEServerTransport('/messages', res);
  streams.set(transport.sessionId, transport);
  res.on('close', () => streams.delete(transport.sessionId));
  const server = new McpServer({ name: 'spotify-control', version: '0.2.1' });
  registerSpotifyTools(server);
  await server.connect(transport);
});

app.post('/messages', async (req, res) => {
  const transport = streams.get(String(req.query.sessionId));
  if (!transport) return res.sendStatus(404);
  await transport.handlePostMessage(req, res);
});

app.listen(8090, '127.0.0.1');
