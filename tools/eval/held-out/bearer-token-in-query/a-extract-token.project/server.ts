// Express MCP server protected by auth-middleware.ts.
import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { authenticate } from './auth-middleware.js';
import { verifier } from './verifier.js';
import { mcpServer } from './tools.js';

const app = express();
app.use(express.json());
app.post('/mcp', authenticate(verifier), async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await mcpServer.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000);
