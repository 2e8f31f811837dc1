// held-out: clean — the SDK's localhostHostValidation() middleware rejects requests whose Host is not a loopback name before they reach the transport
// Express app assembled by hand but guarded with the SDK's Host-header middleware (Streamable HTTP: DNS rebinding protection for local servers).
import express from 'express';
import { localhostHostValidation } from '@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const mcp = new McpServer({ name: 'screenshot', version: '0.2.1' });
mcp.tool('capture', async () => ({ content: [{ type: 'text', text: 'captured' }] }));

const app = express();
app.use(localhostHostValidation());
app.use(express.json());

app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await mcp.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(4321, 'localhost');
