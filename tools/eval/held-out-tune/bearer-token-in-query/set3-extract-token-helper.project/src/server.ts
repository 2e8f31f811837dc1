// MCP server routes that authenticate every request with the shared extractToken helper
import express from 'express';
import { randomUUID } from 'node:crypto';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { buildServer } from './tools.js';
import { extractToken, unauthorized } from './auth.js';
import { verifyToken } from './verify.js';

const RESOURCE_METADATA = 'https://files.example.com/.well-known/oauth-protected-resource';
const app = express();
app.use(express.json());

app.all('/mcp', async (req, res) => {
  const token = extractToken(req);
  const claims = token ? await verifyToken(token).catch(() => null) : null;
  if (!claims) {
    const reply = unauthorized(RESOURCE_METADATA);
    res.status(reply.status).set(reply.headers).json(reply.body);
    return;
  }
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    enableDnsRebindingProtection: true,
    allowedHosts: ['files.example.com'],
  });
  await buildServer(claims).connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(Number(process.env.PORT) || 8000);
