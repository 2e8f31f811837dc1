// CLI entry point choosing between stdio and the HTTP transport from startHttpServer
import { parseArgs } from 'node:util';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { startHttpServer } from './http.js';
import { registerLinearTools } from './linear.js';

const { values } = parseArgs({
  options: {
    transport: { type: 'string', default: 'stdio' },
    port: { type: 'string', default: '3000' },
    host: { type: 'string' },
  },
});

function createServer() {
  const server = new McpServer({ name: 'linear-mcp', version: '2.2.0' });
  registerLinearTools(server, process.env.LINEAR_API_KEY ?? '');
  return server;
}

if (values.transport === 'http') {
  startHttpServer(createServer, { port: Number(values.port), hostname: values.host });
} else {
  await createServer().connect(new StdioServerTransport());
}
