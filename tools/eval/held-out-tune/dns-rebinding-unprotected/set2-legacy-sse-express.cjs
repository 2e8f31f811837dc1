// Legacy HTTP+SSE server (CommonJS) on express with no Origin validation and no DNS rebinding protection on SSEServerTransport (MCP 2024-11-05 HTTP+SSE security warning, carried into Streamable HTTP: "Servers MUST validate the Origin header").
const express = require('express');
const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { SSEServerTransport } = require('@modelcontextprotocol/sdk/server/sse.js');
const { z } = require('zod');
const { execFile } = require('node:child_process');

const server = new McpServer({ name: 'git-helper', version: '0.1.0' });

server.tool('git_log', { repo: z.string(), limit: z.number().default(10) }, async ({ repo, limit }) => {
  const out = await new Promise((resolve, reject) => {
    execFile('git', ['-C', repo, 'log', `-${limit}`, '--oneline'], (err, stdout) => (err ? reject(err) : resolve(stdout)));
  });
  return { content: [{ type: 'text', text: String(out) }] };
});

const app = express();
const sessions = new Map();

app.get('/sse', async (req, res) => {
  // held-out: dns-rebinding-unprotected
  const transport = new SSEServerTransport('/messages', res);
  sessions.set(transport.sessionId, transport);
  res.on('close', () => sessions.delete(transport.sessionId));
  await server.connect(transport);
});

app.post('/messages', async (req, res) => {
  const transport = sessions.get(req.query.sessionId);
  if (!transport) return res.status(404).send('unknown session');
  await transport.handlePostMessage(req, res);
});

const PORT = process.env.GIT_HELPER_PORT || 8765;
app.listen(PORT, () => console.log(`git-helper SSE endpoint: http://localhost:${PORT}/sse`));
