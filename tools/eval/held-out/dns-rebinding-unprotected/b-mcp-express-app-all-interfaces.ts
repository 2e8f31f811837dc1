// TypeScript Express MCP server using the SDK's createMcpExpressApp with host '0.0.0.0' and no allowedHosts, which turns its Host validation off — spec (Streamable HTTP): "Servers MUST validate the Origin header on all incoming connections"; local servers should bind to localhost.
import { randomUUID } from 'node:crypto';
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { registerClipboardTools } from './clipboard.js';

const HOST = '0.0.0.0';
const PORT = Number(process.env.PORT ?? 3210);

// held-out: dns-rebinding-unprotected
const app = createMcpExpressApp({ host: HOST });

const server = new McpServer({ name: 'clipboard', version: '1.0.1' });
registerClipboardTools(server);
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID() });
await server.connect(transport);

app.all('/mcp', (req, res) => transport.handleRequest(req, res, req.body));

app.listen(PORT, HOST);
