// held-out: clean — entry point wiring the guard in front of the MCP transport
// Express app of a local documentation MCP server
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { bearerGuard } from './middleware.js';

const server = new McpServer({ name: 'docs', version: '0.1.0' });
server.tool('toc', 'Table of contents', async () => ({ content: [{ type: 'text', text: '1. Intro' }] }));

const app = express();
app.use(express.json());
app.post('/mcp', bearerGuard, async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');
