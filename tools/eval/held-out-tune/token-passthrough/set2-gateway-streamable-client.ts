// MCP gateway that opens a StreamableHTTPClientTransport to a backend MCP server and puts the caller's Authorization header in its requestInit — MCP 2026-07-28 security considerations, token passthrough (a gateway is an MCP server too).
import express from 'express';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const BACKENDS: Record<string, string> = {
  docs: 'https://docs-mcp.internal.example.com/mcp',
  tickets: 'https://tickets-mcp.internal.example.com/mcp',
};

const app = express();
app.use(express.json());

app.post('/gw/:backend/tools/call', async (req, res) => {
  const target = BACKENDS[req.params.backend];
  if (!target) return res.status(404).json({ error: 'unknown backend' });
  if (!req.headers.authorization) return res.status(401).set('WWW-Authenticate', 'Bearer').end();

  const transport = new StreamableHTTPClientTransport(new URL(target), {
    requestInit: {
      // held-out: token-passthrough
      headers: { Authorization: req.headers.authorization },
    },
  });
  const client = new Client({ name: 'mcp-gateway', version: '1.2.0' });
  try {
    await client.connect(transport);
    const result = await client.callTool({ name: req.body.name, arguments: req.body.arguments ?? {} });
    res.json(result);
  } finally {
    await client.close();
  }
});

app.listen(9000);
