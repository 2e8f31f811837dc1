// CommonJS express server that sets axios' default Authorization from each incoming request — AUTH: "MUST NOT pass through the token it received from the MCP client".
const express = require('express');
const axios = require('axios');
const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const { z } = require('zod');

const jira = axios.create({ baseURL: 'https://acme.atlassian.net/rest/api/3' });
const app = express();
app.use(express.json());

app.use('/mcp', (req, res, next) => {
  if (!req.headers['authorization']) return res.status(401).json({ error: 'missing token' });
  // held-out: token-passthrough
  jira.defaults.headers.common['Authorization'] = req.headers['authorization'];
  next();
});

function buildServer() {
  const server = new McpServer({ name: 'jira', version: '2.1.0' });
  server.tool('get_issue', 'Fetch a Jira issue', { key: z.string() }, async ({ key }) => {
    const { data } = await jira.get(`/issue/${encodeURIComponent(key)}`);
    return { content: [{ type: 'text', text: JSON.stringify(data.fields.summary) }] };
  });
  return server;
}

app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await buildServer().connect(transport);
  await transport.handleRequest(req, res, req.body);
});

module.exports = app;
