// node:http MCP server that accepts any of several configured API keys, matched with keys.some(k => k === presented) (CWE-208: each comparison stops at the first differing character).
import { createServer } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createMcp } from './mcp.js';

const apiKeys = (process.env.MCP_API_KEYS ?? '').split(',').map((key) => key.trim()).filter(Boolean);

createServer(async (req, res) => {
  const presented = String(req.headers['x-api-key'] ?? '');
  // held-out: secret-compare-not-constant-time
  const allowed = apiKeys.some((key) => key === presented);
  if (!allowed) {
    res.writeHead(401).end();
    return;
  }
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await createMcp().connect(transport);
  await transport.handleRequest(req, res);
}).listen(3030, '127.0.0.1');
