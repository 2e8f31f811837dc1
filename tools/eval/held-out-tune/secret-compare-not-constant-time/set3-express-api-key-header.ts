// Express MCP server guarded by a static API key compared with !== (timing side channel, CWE-208; AUTH/SEC: servers must "follow OAuth best practices" and secure token handling)
import express, { type NextFunction, type Request, type Response } from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

const API_KEY = process.env.MCP_API_KEY;
if (!API_KEY) {
  console.error('MCP_API_KEY is not set');
  process.exit(1);
}

function requireApiKey(req: Request, res: Response, next: NextFunction) {
  const presented = req.headers['x-api-key'];
  if (typeof presented !== 'string' || presented.length === 0) {
    return res.status(401).json({ error: 'missing x-api-key header' });
  }
  // held-out: secret-compare-not-constant-time
  if (presented !== API_KEY) {
    return res.status(403).json({ error: 'invalid api key' });
  }
  next();
}

const server = new McpServer({ name: 'postgres-readonly', version: '0.3.2' });
server.tool('query', 'Run a read-only SQL query', { sql: z.string() }, async ({ sql }) => ({
  content: [{ type: 'text', text: `would run: ${sql}` }],
}));

const app = express();
app.use(express.json());
app.post('/mcp', requireApiKey, async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => transport.close());
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1');
