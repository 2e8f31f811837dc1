// Koa MCP server driving StreamableHTTPServerTransport through ctx.req/ctx.res with no Origin check — Streamable HTTP transport: "Servers MUST validate the Origin header on all incoming connections"
import Koa from 'koa';
import Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { registerGitTools } from './git-tools.js';

const app = new Koa();
const router = new Router();

router.post('/mcp', async (ctx) => {
  const server = new McpServer({ name: 'git-local', version: '0.9.0' });
  registerGitTools(server, process.env.REPO_ROOT ?? process.cwd());
  // held-out: dns-rebinding-unprotected
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  ctx.respond = false;
  ctx.res.on('close', () => {
    transport.close();
    server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(ctx.req, ctx.res, ctx.request.body);
});

router.get('/health', (ctx) => {
  ctx.body = { ok: true };
});

app.use(bodyParser());
app.use(router.routes()).use(router.allowedMethods());

const port = Number(process.env.PORT || 7777);
app.listen(port, () => console.log(`git-local MCP on ${port}`));
