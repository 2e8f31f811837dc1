// held-out: clean — the Streamable HTTP endpoint is served on a Unix domain socket with 0600 permissions, not on a TCP port a browser could reach
// Express app for a local agent daemon listening on $XDG_RUNTIME_DIR/mcp.sock (Streamable HTTP: DNS rebinding needs a TCP listener).
import express from 'express';
import { chmodSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const socketPath = join(process.env.XDG_RUNTIME_DIR ?? '/tmp', 'mcp.sock');
rmSync(socketPath, { force: true });

const server = new McpServer({ name: 'agentd', version: '0.9.0' });
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
await server.connect(transport);

const app = express();
app.use(express.json());
app.post('/mcp', (req, res) => transport.handleRequest(req, res, req.body));

app.listen(socketPath, () => chmodSync(socketPath, 0o600));
