// held-out: clean — MCP runs over stdio; the HTTP listener only serves a static health check, no MCP transport.
// Stdio MCP server with an express health endpoint for its container — no HTTP transport, so no Origin requirement applies.
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { registerTools } from './tools.js';

const server = new McpServer({ name: 'pg-readonly', version: '1.0.3' });
registerTools(server);
await server.connect(new StdioServerTransport());

const health = express();
health.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
health.listen(8080);
