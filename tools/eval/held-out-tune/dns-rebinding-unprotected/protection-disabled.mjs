// Transport options name allowed hosts but switch the DNS rebinding protection off — Streamable HTTP: Origin MUST be validated.
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

const PORT = 7331;
const app = express();
app.use(express.json());

const server = new McpServer({ name: 'home-assistant-bridge', version: '0.5.1' });
server.tool('toggle_light', 'Toggle a light', { entity: z.string() }, async ({ entity }) => {
  await fetch(`http://homeassistant.local:8123/api/services/light/toggle`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.HA_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ entity_id: entity }),
  });
  return { content: [{ type: 'text', text: `toggled ${entity}` }] };
});

const transport = new StreamableHTTPServerTransport({
  sessionIdGenerator: undefined,
  // held-out: dns-rebinding-unprotected
  enableDnsRebindingProtection: false,
  allowedHosts: [`127.0.0.1:${PORT}`, `localhost:${PORT}`],
});
await server.connect(transport);

app.all('/mcp', (req, res) => transport.handleRequest(req, res, req.body));
app.listen(PORT, 'localhost');
