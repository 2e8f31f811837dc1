// Express (CommonJS) MCP server whose REST helper spreads all incoming request headers into the outbound call, carrying the client's Authorization to the upstream service (SEC: "MUST NOT pass through the token it received from the MCP client")
const express = require('express');
const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const { z } = require('zod');

const UPSTREAM = new URL(process.env.UPSTREAM_URL || 'https://crm.example.com/api/');

async function upstream(req, path, init = {}) {
  const target = new URL(path, UPSTREAM);
  const response = await fetch(target, {
    ...init,
    // held-out: token-passthrough
    headers: { ...req.headers, host: target.host, 'content-type': 'application/json' },
  });
  return response.json();
}

const app = express();
app.use(express.json());

app.post('/mcp', async (req, res) => {
  if (!req.headers.authorization) return res.status(401).set('WWW-Authenticate', 'Bearer').end();
  const server = new McpServer({ name: 'crm', version: '0.3.0' });
  server.tool('find_contact', 'Find a contact by email', { email: z.string().email() }, async ({ email }) => ({
    content: [{ type: 'text', text: JSON.stringify(await upstream(req, `contacts?email=${encodeURIComponent(email)}`)) }],
  }));
  server.tool('add_note', 'Add a note to a contact', { id: z.string(), note: z.string() }, async ({ id, note }) => ({
    content: [{ type: 'text', text: JSON.stringify(await upstream(req, `contacts/${id}/notes`, { method: 'POST', body: JSON.stringify({ note }) })) }],
  }));
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(process.env.PORT || 3000);
