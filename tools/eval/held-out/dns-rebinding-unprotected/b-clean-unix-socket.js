// held-out: clean — the HTTP server listens only on a Unix domain socket with 0600 permissions, so no browser can reach it through DNS rebinding.
// ESM MCP server exposed to a local agent runtime over a Unix socket.
import http from 'node:http';
import fs from 'node:fs';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { registerVaultTools } from './vault.js';

const SOCKET_PATH = process.env.MCP_SOCKET ?? '/run/user/1000/vault-mcp.sock';

if (fs.existsSync(SOCKET_PATH)) fs.unlinkSync(SOCKET_PATH);

const server = http.createServer(async (req, res) => {
  const mcp = new McpServer({ name: 'vault', version: '0.9.0' });
  registerVaultTools(mcp);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await mcp.connect(transport);
  await transport.handleRequest(req, res);
});

server.listen(SOCKET_PATH, () => {
  fs.chmodSync(SOCKET_PATH, 0o600);
});
