// held-out: clean — the app mounts localOnly() from origin-guard.ts in front of /mcp, so Origin and Host are validated
// Local Streamable HTTP server whose rebinding defence lives in another module.
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { localOnly } from './origin-guard.js';
import { registerTodoTools } from './todo.js';

const PORT = 5123;
const app = express();
app.use(localOnly(PORT));
app.use(express.json());

app.post('/mcp', async (req, res) => {
  const server = new McpServer({ name: 'todo', version: '0.9.0' });
  registerTodoTools(server);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(PORT, '127.0.0.1');
