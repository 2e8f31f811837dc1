// ESM Koa MCP server on localhost that sets enableDnsRebindingProtection but gives no allowedHosts or allowedOrigins, so nothing is validated — spec (Streamable HTTP): "Servers MUST validate the Origin header on all incoming connections."
import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { registerNotesTools } from './notes.js';

const app = new Koa();
app.use(bodyParser());

app.use(async (ctx) => {
  if (ctx.path !== '/mcp') {
    ctx.status = 404;
    return;
  }
  const server = new McpServer({ name: 'notes', version: '0.3.0' });
  registerNotesTools(server);
  // held-out: dns-rebinding-unprotected
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableDnsRebindingProtection: true });
  ctx.respond = false;
  await server.connect(transport);
  await transport.handleRequest(ctx.req, ctx.res, ctx.request.body);
});

app.listen(4100, 'localhost');
