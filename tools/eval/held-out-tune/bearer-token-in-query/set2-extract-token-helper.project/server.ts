// Express MCP server that authenticates each request through extractToken() from auth.ts.
import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { extractToken } from './auth.js';
import { verifyAccessToken } from './verify.js';
import { newMcpServer } from './mcp.js';

const app = express();
app.use(express.json());

app.all('/mcp', async (req, res) => {
  const token = extractToken(req);
  const info = token ? await verifyAccessToken(token) : undefined;
  if (!info) {
    res.status(401).set('WWW-Authenticate', 'Bearer resource_metadata="http://localhost:3000/.well-known/oauth-protected-resource"').end();
    return;
  }
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await newMcpServer(info).connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(3000);
