// Express MCP server that turns enableDnsRebindingProtection off explicitly — Streamable HTTP transport: "Servers MUST validate the Origin header on all incoming connections"
const express = require('express');
const { randomUUID } = require('crypto');
const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const { registerBrowserTools } = require('./browser-tools');

const app = express();
app.use(express.json({ limit: '4mb' }));
const sessions = new Map();

app.all('/mcp', async (req, res) => {
  const id = req.get('mcp-session-id');
  let transport = id && sessions.get(id);
  if (!transport) {
    // held-out: dns-rebinding-unprotected
    transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      enableDnsRebindingProtection: false, // breaks the inspector otherwise
      onsessioninitialized: (sid) => sessions.set(sid, transport),
    });
    const server = new McpServer({ name: 'browser-control', version: '0.8.0' });
    registerBrowserTools(server);
    await server.connect(transport);
  }
  await transport.handleRequest(req, res, req.body);
});

const port = process.env.MCP_PORT || 9222;
app.listen(port, () => {
  console.log(`browser-control MCP at http://localhost:${port}/mcp`);
});
