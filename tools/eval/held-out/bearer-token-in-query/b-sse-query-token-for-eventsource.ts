// Express MCP server (legacy HTTP+SSE transport) that lets browsers authenticate the SSE stream with ?token= because EventSource cannot set headers — spec (authorization): "Access tokens MUST NOT be included in the URI query string."
import express, { type NextFunction, type Request, type Response } from 'express';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { verifier } from './verifier.js';

const app = express();
const transports = new Map<string, SSEServerTransport>();

async function sseAuth(req: Request, res: Response, next: NextFunction) {
  // held-out: bearer-token-in-query
  const bearerToken = typeof req.query.token === 'string' ? req.query.token : undefined;
  if (!bearerToken) {
    res.status(401).json({ error: 'missing token' });
    return;
  }
  try {
    req.auth = await verifier.verifyAccessToken(bearerToken);
    next();
  } catch {
    res.status(401).json({ error: 'invalid_token' });
  }
}

app.get('/sse', sseAuth, async (req, res) => {
  const transport = new SSEServerTransport('/messages', res);
  transports.set(transport.sessionId, transport);
  res.on('close', () => transports.delete(transport.sessionId));
  const server = new McpServer({ name: 'dash', version: '1.0.0' });
  await server.connect(transport);
});

app.post('/messages', express.json(), async (req, res) => {
  const transport = transports.get(String(req.query.sessionId));
  if (!transport) {
    res.status(404).end();
    return;
  }
  await transport.handlePostMessage(req, res, req.body);
});

app.listen(3030, '127.0.0.1');
