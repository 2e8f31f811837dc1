// CommonJS express MCP server that sets the shared axios default Authorization from each incoming request before tools run — MCP 2026-07-28 security considerations, token passthrough.
const express = require('express');
const axios = require('axios');
const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const { z } = require('zod');

const crm = axios.create({ baseURL: 'https://crm.example.io/api/v1' });

const app = express();
app.use(express.json());

app.use('/mcp', (req, res, next) => {
  const header = req.headers['authorization'];
  if (!header) {
    res.set('WWW-Authenticate', 'Bearer').status(401).end();
    return;
  }
  // held-out: token-passthrough
  crm.defaults.headers.common['Authorization'] = header;
  next();
});

app.post('/mcp', async (req, res) => {
  const server = new McpServer({ name: 'crm-tools', version: '0.9.0' });
  server.tool('find_contact', { email: z.string().email() }, async ({ email }) => {
    const { data } = await crm.get('/contacts', { params: { email } });
    return { content: [{ type: 'text', text: JSON.stringify(data) }] };
  });
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(process.env.PORT || 3000);
