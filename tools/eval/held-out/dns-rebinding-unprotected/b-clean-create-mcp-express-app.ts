// held-out: clean — the app comes from the SDK's createMcpExpressApp() with its default host 127.0.0.1, which installs localhost Host-header validation before any route; the transport itself needs no options then.
// TypeScript Express MCP server for a local screenshot tool.
import { randomUUID } from 'node:crypto';
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { registerScreenshotTools } from './screens.js';

const app = createMcpExpressApp();
const transports: Record<string, StreamableHTTPServerTransport> = {};

app.post('/mcp', async (req, res) => {
  const sid = req.header('mcp-session-id');
  let transport = sid ? transports[sid] : undefined;
  if (!transport) {
    transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        transports[id] = transport!;
      },
    });
    const server = new McpServer({ name: 'screens', version: '0.2.0' });
    registerScreenshotTools(server);
    await server.connect(transport);
  }
  await transport.handleRequest(req, res, req.body);
});

app.listen(3000, '127.0.0.1');
