// Express MCP server mounting the API-key middleware from middleware/api-key.js on /mcp.
const express = require('express');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const apiKeyAuth = require('./middleware/api-key');
const { serverForAccount } = require('./mcp-server');

const app = express();
app.use(express.json());

app.post('/mcp', apiKeyAuth, async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await serverForAccount(req.account).connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(process.env.PORT || 8080);
