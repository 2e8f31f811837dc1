// held-out: clean — createMcpExpressApp() defaults to 127.0.0.1 and applies the SDK's localhost Host-header validation
// Local MCP server built on the SDK's express helper with a stateless transport
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

const app = createMcpExpressApp();

function buildServer() {
  const server = new McpServer({ name: 'weather-local', version: '0.2.0' });
  server.tool('forecast', { city: z.string() }, async ({ city }) => {
    const res = await fetch(`https://wttr.in/${encodeURIComponent(city)}?format=3`);
    return { content: [{ type: 'text', text: await res.text() }] };
  });
  return server;
}

app.post('/mcp', async (req, res) => {
  const server = buildServer();
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(3000, '127.0.0.1', () => console.log('weather MCP on http://127.0.0.1:3000/mcp'));
