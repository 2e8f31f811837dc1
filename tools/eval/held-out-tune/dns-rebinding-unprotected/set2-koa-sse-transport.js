// Koa server exposing the legacy SSE transport on a local port with no Origin/Host validation (MCP transports security warning: "Servers MUST validate the Origin header on all incoming connections").
import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { listCalendars, createEvent } from './calendar.js';

const app = new Koa();
const router = new Router();
const active = new Map();

function makeServer() {
  const server = new Server({ name: 'calendar-bridge', version: '0.9.2' }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: [
      { name: 'list_calendars', inputSchema: { type: 'object', properties: {} } },
      { name: 'create_event', inputSchema: { type: 'object', properties: { title: { type: 'string' }, start: { type: 'string' } } } },
    ],
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    if (request.params.name === 'list_calendars') return { content: [{ type: 'text', text: JSON.stringify(await listCalendars()) }] };
    return { content: [{ type: 'text', text: JSON.stringify(await createEvent(request.params.arguments)) }] };
  });
  return server;
}

router.get('/sse', async (ctx) => {
  ctx.respond = false;
  // held-out: dns-rebinding-unprotected
  const transport = new SSEServerTransport('/message', ctx.res);
  active.set(transport.sessionId, transport);
  ctx.res.on('close', () => active.delete(transport.sessionId));
  await makeServer().connect(transport);
});

router.post('/message', async (ctx) => {
  const transport = active.get(ctx.query.sessionId);
  if (!transport) {
    ctx.status = 404;
    return;
  }
  ctx.respond = false;
  await transport.handlePostMessage(ctx.req, ctx.res, ctx.request.body);
});

app.use(bodyParser());
app.use(router.routes()).use(router.allowedMethods());

app.listen(3939);
