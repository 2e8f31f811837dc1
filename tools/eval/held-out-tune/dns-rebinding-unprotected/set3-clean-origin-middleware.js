// held-out: clean — an Express middleware rejects requests whose Origin is present and not in the allow-list, and whose Host is not loopback, before any MCP route
// Hand-written Origin/Host validation in front of a stateless StreamableHTTPServerTransport
const express = require('express');
const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');

const PORT = Number(process.env.PORT || 3010);
const ALLOWED_ORIGINS = new Set([`http://localhost:${PORT}`, `http://127.0.0.1:${PORT}`]);
const ALLOWED_HOSTS = new Set([`localhost:${PORT}`, `127.0.0.1:${PORT}`]);

function validateOrigin(req, res, next) {
  const origin = req.headers.origin;
  if (origin && !ALLOWED_ORIGINS.has(origin)) {
    return res.status(403).json({ jsonrpc: '2.0', error: { code: -32000, message: 'Forbidden origin' }, id: null });
  }
  if (!ALLOWED_HOSTS.has(req.headers.host)) {
    return res.status(403).json({ jsonrpc: '2.0', error: { code: -32000, message: 'Forbidden host' }, id: null });
  }
  next();
}

const app = express();
app.use(express.json());
app.use(validateOrigin);

app.post('/mcp', async (req, res) => {
  const server = new McpServer({ name: 'calendar-local', version: '0.5.0' });
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => transport.close());
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(PORT, '127.0.0.1');
