// Express MCP resource server that falls back to ?access_token= when no Authorization header is sent — MCP authorization, token handling: "Access tokens MUST NOT be included in the URI query string" (RFC 6750 §2.3 / OAuth 2.1 §5.1)
import express, { type Request, type Response, type NextFunction } from 'express';
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifyAccessToken } from './auth/verify.js';

const app = express();
app.use(express.json());

async function authenticate(req: Request, res: Response, next: NextFunction) {
  const header = req.headers.authorization;
  const fromHeader = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
  // held-out: bearer-token-in-query
  const token = fromHeader ?? (req.query.access_token as string | undefined);
  if (!token) {
    res.set('WWW-Authenticate', 'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource"');
    return res.status(401).json({ error: 'unauthorized' });
  }
  try {
    res.locals.auth = await verifyAccessToken(token);
    next();
  } catch {
    res.status(401).json({ error: 'invalid_token' });
  }
}

const server = new McpServer({ name: 'notes', version: '0.4.1' });
server.tool('list_notes', {}, async () => ({ content: [{ type: 'text', text: '[]' }] }));

app.post('/mcp', authenticate, async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID(), enableDnsRebindingProtection: true, allowedHosts: ['mcp.example.com'] });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(Number(process.env.PORT ?? 8080));
