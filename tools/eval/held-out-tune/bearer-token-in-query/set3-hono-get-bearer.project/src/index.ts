// Hono MCP server on @hono/node-server that authenticates with getBearer from bearer.ts
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { getBearer, challenge } from './bearer';
import { introspectToken } from './introspect';

const RESOURCE = process.env.RESOURCE_URL ?? 'https://calendar-mcp.example.io';
const app = new Hono();

app.use('/mcp', async (c, next) => {
  const token = getBearer(c);
  if (!token) return challenge(c, RESOURCE);
  const result = await introspectToken(token);
  if (!result.active || result.aud !== RESOURCE) return challenge(c, RESOURCE);
  c.set('subject' as never, result.sub as never);
  await next();
});

app.post('/mcp', async (c) => {
  const message = await c.req.json();
  return c.json({ jsonrpc: '2.0', id: message.id, result: { ok: true } });
});

serve({ fetch: app.fetch, port: 8790, hostname: '127.0.0.1' });
