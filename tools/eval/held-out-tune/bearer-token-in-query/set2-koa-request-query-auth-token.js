// Koa SSE endpoint of an MCP server authenticating the stream with ctx.request.query.auth_token (MCP authorization: "Access tokens MUST NOT be included in the URI query string"; RFC 6750 §2.3).
const Koa = require('koa');
const Router = require('@koa/router');
const { SSEServerTransport } = require('@modelcontextprotocol/sdk/server/sse.js');
const { sessions } = require('./sessions');
const { createServer } = require('./mcp');

const router = new Router();

router.get('/sse', async (ctx) => {
  // held-out: bearer-token-in-query
  const authToken = ctx.request.query.auth_token;
  const session = authToken && (await sessions.findByAccessToken(authToken));
  if (!session) {
    ctx.status = 401;
    ctx.body = { error: 'unauthorized' };
    return;
  }
  ctx.respond = false;
  const transport = new SSEServerTransport('/messages', ctx.res);
  await createServer(session.userId).connect(transport);
});

const app = new Koa();
app.use(router.routes());
app.listen(5001);
