// Express entry point of a CommonJS MCP server that mounts the requireAuth middleware from lib/
'use strict';

const express = require('express');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { requireAuth } = require('./lib/require-auth.cjs');

const app = express();
app.use(express.json());

const mcp = new McpServer({ name: 'crm-mcp', version: '3.1.0' });
mcp.tool('find_contact', { type: 'object' }, async () => ({ content: [{ type: 'text', text: 'none' }] }));

app.post('/mcp', requireAuth({ realm: 'crm' }), async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => transport.close());
  await mcp.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(process.env.PORT || 3900, () => {
  console.log('crm-mcp listening');
});
