// Express MCP server importing StreamableHTTPServerTransport under another name, with no Origin/Host validation — Streamable HTTP transport: "Servers MUST validate the Origin header on all incoming connections"
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport as HttpTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { registerSpotifyTools } from './spotify.mjs';

const app = express();
app.use(express.json());

const mcpServer = new McpServer({ name: 'spotify-local', version: '0.2.0' });
registerSpotifyTools(mcpServer);

async function handleMcp(req, res) {
  // held-out: dns-rebinding-unprotected
  const transport = new HttpTransport({ sessionIdGenerator: undefined });
  res.on('close', () => transport.close());
  await mcpServer.connect(transport);
  await transport.handleRequest(req, res, req.body);
}

app.post('/mcp', (req, res) => {
  handleMcp(req, res).catch((err) => {
    console.error(err);
    if (!res.headersSent) res.status(500).json({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal error' }, id: null });
  });
});

app.listen(Number(process.env.SPOTIFY_MCP_PORT ?? 8888), '0.0.0.0');
