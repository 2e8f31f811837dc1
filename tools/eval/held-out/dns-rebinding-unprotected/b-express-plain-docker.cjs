// CommonJS Express MCP server run in Docker on 0.0.0.0: plain express() instead of the SDK's createMcpExpressApp, and a transport without allowedHosts — spec (Streamable HTTP): "Servers MUST validate the Origin header on all incoming connections."
'use strict';

const express = require('express');
const cors = require('cors');
const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const { registerK8sTools } = require('./k8s');

const app = express();
app.use(cors({ origin: '*', exposedHeaders: ['Mcp-Session-Id'] }));
app.use(express.json({ limit: '1mb' }));

app.post('/mcp', async (req, res) => {
  const server = new McpServer({ name: 'k8s-readonly', version: '0.8.2' });
  registerK8sTools(server);
  // held-out: dns-rebinding-unprotected
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableDnsRebindingProtection: false });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(Number(process.env.PORT) || 8080, '0.0.0.0');
