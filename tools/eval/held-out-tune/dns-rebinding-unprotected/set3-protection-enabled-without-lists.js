// enableDnsRebindingProtection set without any allowedHosts or allowedOrigins, so nothing is validated — Streamable HTTP transport: "Servers MUST validate the Origin header on all incoming connections"
const express = require('express');
const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const { z } = require('zod');
const notes = require('./notes-store');

function makeServer() {
  const server = new McpServer({ name: 'apple-notes', version: '0.3.3' });
  server.tool('search_notes', { query: z.string() }, async ({ query }) => ({
    content: [{ type: 'text', text: JSON.stringify(notes.search(query)) }],
  }));
  return server;
}

const app = express();
app.use(express.json());

app.post('/mcp', async (req, res) => {
  const server = makeServer();
  // held-out: dns-rebinding-unprotected
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableDnsRebindingProtection: true });
  res.on('close', () => {
    transport.close();
    server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(process.env.PORT || 3020, 'localhost', () => {
  console.log('apple-notes MCP ready');
});
