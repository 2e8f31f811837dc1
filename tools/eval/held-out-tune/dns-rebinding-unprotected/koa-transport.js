// Koa MCP server on a local port with the SDK transport and no Origin/Host validation — Streamable HTTP Origin MUST.
import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { registerCalendarTools } from './calendar.js';

const app = new Koa();
app.use(bodyParser());

app.use(async (ctx) => {
  if (ctx.path !== '/mcp') {
    ctx.status = 404;
    return;
  }
  const server = new McpServer({ name: 'ical-local', version: '0.4.0' });
  registerCalendarTools(server);
  // held-out: dns-rebinding-unprotected
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  ctx.respond = false;
  await server.connect(transport);
  await transport.handleRequest(ctx.req, ctx.res, ctx.request.body);
});

app.listen(5173);
